package id.go.dukcapil.ikd.local.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether the suite can take the demo. A suite that is running but still starting, or that said
 * ready a moment ago and is saturated (ten JVMs of the HA topology compiling on two cores answer a
 * health check later than its 3 s), is waited for; a suite that is not running is reported at once.
 */
final class SuiteReadiness {

    /** How long a running suite is waited for: about its own start on two cores. */
    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private SuiteReadiness() {
    }

    /**
     * The components that are not ready (empty when all are): at once when no {@code ./ikd up}
     * runs, otherwise once all are ready or {@code patience} has passed.
     */
    static List<String> await(Supplier<List<String>> notReady, BooleanSupplier suiteRunning, Duration patience,
            Duration interval, PrintStream out) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean announced = false;
        while (true) {
            List<String> waiting = notReady.get();
            if (waiting.isEmpty() || !suiteRunning.getAsBoolean() || System.nanoTime() - deadline >= 0) {
                return waiting;
            }
            if (!announced) {
                out.printf("… Suite IKD berjalan tetapi belum siap; menunggu paling lama %d detik / the IKD suite runs"
                        + " but is not ready yet; waiting up to %d s: %s%n", patience.toSeconds(), patience.toSeconds(),
                        waiting.stream().map(line -> line.strip().split("\\s+:")[0]).toList());
                announced = true;
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return waiting;
            }
        }
    }
}
