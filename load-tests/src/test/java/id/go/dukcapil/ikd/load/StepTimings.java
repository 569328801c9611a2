package id.go.dukcapil.ikd.load;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Durations of each step of a scenario (an HTTP call, or a wait such as approval → email at the
 * SMTP server) and when they ended, for the summary a run prints: count, throughput, p50, p95,
 * p99 and max per step. Gatling's HTML report has the HTTP calls too; the waits are only here.
 */
public final class StepTimings {

    private final Map<String, Step> steps = new LinkedHashMap<>();

    /** One step's samples: milliseconds taken and the wall-clock millisecond each ended. */
    static final class Step {
        private long[] millis = new long[1024];
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;
        private int count;
        private int failures;

        synchronized void add(long tookMillis, long endedAt) {
            if (count == millis.length) {
                millis = Arrays.copyOf(millis, count * 2);
            }
            millis[count++] = tookMillis;
            firstStart = Math.min(firstStart, endedAt - tookMillis);
            lastEnd = Math.max(lastEnd, endedAt);
        }

        synchronized void fail() {
            failures++;
        }

        synchronized Summary summary() {
            long[] sorted = Arrays.copyOf(millis, count);
            Arrays.sort(sorted);
            double seconds = count == 0 ? 0 : Math.max(1, lastEnd - firstStart) / 1000.0;
            return new Summary(count, failures, count == 0 ? 0 : count / seconds, percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), count == 0 ? 0 : sorted[count - 1]);
        }
    }

    /** Throughput is per second of the step's own span (first start to last end). */
    public record Summary(int count, int failures, double perSecond, long p50, long p95, long p99, long max) {
    }

    /** The nearest-rank percentile of sorted samples (0 for none). */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private synchronized Step step(String name) {
        return steps.computeIfAbsent(name, n -> new Step());
    }

    public void record(String name, long tookMillis) {
        step(name).add(tookMillis, System.currentTimeMillis());
    }

    public void record(String name, long tookMillis, long endedAtMillis) {
        step(name).add(tookMillis, endedAtMillis);
    }

    public void failed(String name) {
        step(name).fail();
    }

    public synchronized Map<String, Summary> summaries() {
        Map<String, Summary> all = new LinkedHashMap<>();
        steps.forEach((name, step) -> all.put(name, step.summary()));
        return all;
    }

    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-44s %8s %6s %9s %8s %8s %8s %8s%n", "step", "count", "failed", "per s", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
        summaries().forEach((name, s) -> out.printf(Locale.ROOT, "%-44s %8d %6d %9.1f %8d %8d %8d %8d%n", name,
                s.count(), s.failures(), s.perSecond(), s.p50(), s.p95(), s.p99(), s.max()));
    }
}
