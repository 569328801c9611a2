package id.go.dukcapil.ikd.testing;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The benchmarks' check of their own JVM. Tests run on a C1-only JIT (the root pom's
 * {@code ikd.test.jvm-options}); the benchmarks must measure the full JIT that {@code ./ikd} and
 * Kubernetes run the services with, which {@code -Pbench} gives them. Figures from the wrong JIT
 * would look plausible and be 2-4 times off for the crypto, so a run without it stops at once.
 */
public final class BenchmarkJvm {

    private BenchmarkJvm() {
    }

    /** This JVM's flags, checked by {@link #requireFullJit(List)}; returns them for the report's header. */
    public static List<String> requireFullJit() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        requireFullJit(arguments);
        return arguments;
    }

    static void requireFullJit(List<String> jvmArguments) {
        for (String argument : jvmArguments) {
            if (argument.startsWith("-XX:TieredStopAtLevel=") && !argument.equals("-XX:TieredStopAtLevel=4")) {
                throw new IllegalStateException("This benchmark runs on a JVM limited by " + argument
                        + " (the tests' JIT); run it with -Pbench to measure the full JIT the suite runs with.");
            }
        }
    }
}
