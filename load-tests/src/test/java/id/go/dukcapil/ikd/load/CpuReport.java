package id.go.dukcapil.ikd.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import id.go.dukcapil.ikd.testing.ProcessCpu;

/**
 * CPU by process over a measured phase, from /proc (the same reader as token-service's
 * benchmark): each IKD service, PostgreSQL, Kafka, and the load generator (this JVM: Gatling,
 * the device keys it makes, the captcha it solves), in total and per unit of work.
 */
public final class CpuReport {

    public static final String LOAD_GENERATOR = "load generator (Gatling JVM)";

    /**
     * The checkout whose {@code ./ikd up} is measured (default: the parent of the working
     * directory, load-tests/); other suites on the machine are counted apart. {@code -Dikd.suite.root=none}
     * counts every service JVM, broker and PostgreSQL (a suite not started by ./ikd up).
     */
    static final Path SUITE_ROOT = suiteRoot(System.getProperty("ikd.suite.root"));

    private Map<String, Long> before;
    private long startedNanos;

    private static Path suiteRoot(String property) {
        if ("none".equals(property)) {
            return null;
        }
        return property != null ? Path.of(property).toAbsolutePath().normalize()
                : Path.of("").toAbsolutePath().getParent();
    }

    public synchronized void start() {
        before = ProcessCpu.snapshot(LOAD_GENERATOR, SUITE_ROOT);
        startedNanos = System.nanoTime();
    }

    public synchronized boolean started() {
        return before != null;
    }

    /** Prints CPU seconds, share of one core, and ms per {@code unit} for {@code units} of work. */
    public synchronized void print(PrintStream out, String unit, long units) {
        if (before == null) {
            return;
        }
        Map<String, Long> after = ProcessCpu.snapshot(LOAD_GENERATOR, SUITE_ROOT);
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Double> seconds = ProcessCpu.seconds(before, after);
        Map<String, Double> perUnit = ProcessCpu.millisPerRequest(before, after, units);
        out.println();
        out.printf(Locale.ROOT, "CPU by process over %.1f s of wall time, %d %s (machine: %d cores)%n", wall, units, unit,
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-34s %10s %10s %14s%n", "process", "CPU s", "cores", "ms per " + unit);
        seconds.forEach((group, cpu) -> {
            if (cpu > 0) {
                out.printf(Locale.ROOT, "%-34s %10.1f %10.2f %14.2f%n", group, cpu, cpu / wall,
                        perUnit.getOrDefault(group, 0.0));
            }
        });
    }
}
