package id.go.dukcapil.ikd.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SuiteReadinessTest {

    private static final List<String> GATEWAY_BUSY = List.of(
            "registration-service   :8081  tidak berjalan / not running",
            "mail inbox             :8025  tidak berjalan / not running");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void aRunningSuiteThatAnswersLateIsWaitedForUntilReady() {
        AtomicInteger checks = new AtomicInteger();
        List<String> left = SuiteReadiness.await(() -> checks.incrementAndGet() < 3 ? GATEWAY_BUSY : List.of(),
                () -> true, Duration.ofSeconds(10), Duration.ofMillis(10), out);

        assertThat(left).isEmpty();
        assertThat(checks).hasValue(3);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsOnlyOnce("menunggu paling lama 10 detik")
                .contains("[registration-service, mail inbox]");
    }

    @Test
    void noSuiteRunningIsReportedAtOnce() {
        AtomicInteger checks = new AtomicInteger();
        List<String> left = SuiteReadiness.await(() -> {
            checks.incrementAndGet();
            return GATEWAY_BUSY;
        }, () -> false, Duration.ofSeconds(10), Duration.ofMillis(10), out);

        assertThat(left).isEqualTo(GATEWAY_BUSY);
        assertThat(checks).hasValue(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aSuiteThatNeverBecomesReadyIsGivenUpOnAfterThePatience() {
        long start = System.nanoTime();
        List<String> left = SuiteReadiness.await(() -> GATEWAY_BUSY, () -> true, Duration.ofMillis(200),
                Duration.ofMillis(20), out);

        assertThat(left).isEqualTo(GATEWAY_BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
