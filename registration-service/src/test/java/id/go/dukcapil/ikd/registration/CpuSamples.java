package id.go.dukcapil.ikd.registration;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/** What the module's benchmarks measure with: CPU time of the calling thread per call, and the summary of rounds. */
public final class CpuSamples {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuSamples() {
    }

    /** CPU milliseconds of this thread per call of {@code work}, calling it for about {@code seconds} (at least 5 calls). */
    public static double cpuMs(Supplier<?> work, double seconds) {
        long calls = 0;
        Object sink = null;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || calls < 5) {
            sink = work.get();
            calls++;
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return cpu / 1e6 / calls;
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The rounds' range, as the reports print it: {@code [min–max]}. */
    public static String range(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("[%.3f–%.3f]", sorted[0], sorted[sorted.length - 1]);
    }

    /** The machine's load average, printed before and after each benchmark. */
    public static String load() {
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
