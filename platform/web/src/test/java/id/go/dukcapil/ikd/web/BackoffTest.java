package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @Test
    void doublesFromTheFirstWaitUpToTheMaximum() {
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1_000)).as("no overflow after many retries").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheWait() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.jittered(3)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
        }
        assertThat(java.util.stream.IntStream.range(0, 200).mapToObj(i -> backoff.jittered(3)).distinct().count())
                .as("not one fixed value").isGreaterThan(1);
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
