package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

class ConsumerStallLimitTest {

    private static final Duration AWAITED = Duration.ofMinutes(2);

    @Test
    void aLimitLongerThanTheAwaitedTimeOrOffIsAccepted() {
        assertThat(ConsumerStallLimit.problem(Map.of(), AWAITED)).isNull();
        assertThat(ConsumerStallLimit.problem(Map.of("mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms",
                300_000L, "mp.messaging.incoming.decisions.throttled.unprocessed-record-max-age.ms", 0L), AWAITED)).isNull();
    }

    @Test
    void theLibraryDefaultOrAShorterLimitIsRefusedNamingTheProperty() {
        String channel = "mp.messaging.incoming.decisions.throttled.unprocessed-record-max-age.ms";
        assertThat(ConsumerStallLimit.problem(Map.of(channel, 60_000L), AWAITED))
                .contains(channel).contains("PT2M");
        assertThat(ConsumerStallLimit.problem(Map.of(channel, 120_000L), AWAITED)).contains(channel);
    }

    @Test
    void thePlatformDefaultIsAboveTheAwaitedTime() {
        long limit = ConfigProvider.getConfig().getValue(
                "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms", Long.class);
        assertThat(limit).isGreaterThan(AWAITED.toMillis());
    }
}
