package id.go.dukcapil.ikd.local.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line a service's JVM is started with by {@code ./ikd} and the suites of the tests: the
 * flags every service runs with wherever it runs, and the JDK's AOT cache next to the packaged
 * application ({@link ServiceProcess} runs it).
 */
public final class ServiceJvm {

    /**
     * The flags every service's JVM runs with wherever it runs: here, in deploy/compose and in
     * deploy/kubernetes ({@code JAVA_TOOL_OPTIONS} there, held equal by JvmFlagsTest). The serial
     * collector for heaps this small; on OutOfMemoryError the process exits and is restarted
     * instead of running on half-alive. The full JIT (C1 then C2): a C1-only JIT started a service
     * a few seconds sooner but made ES256 and Argon2 2-4x slower for as long as it ran; start-up
     * comes from the AOT cache instead ({@link #aotCacheOptions}). docs/performance.md has the figures.
     */
    public static final List<String> RUNTIME_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    /**
     * Five services, a broker and PostgreSQL share two cores and a laptop's memory: a small heap.
     * Compose runs the same (no memory limits there); Kubernetes sizes it from the pod's limit.
     */
    private static final List<String> HEAP_OPTIONS = List.of("-Xms64m", "-Xmx384m");

    /** What {@code ./ikd} and the journey and hostile-load tests run every service with. */
    public static final List<String> JVM_OPTIONS = Stream.concat(HEAP_OPTIONS.stream(), RUNTIME_OPTIONS.stream())
            .toList();

    /** The JDK's AOT cache of a service (JEP 483/514), next to its quarkus-run.jar. */
    public static final String AOT_CACHE = "app.aot";

    /** {@code java}, {@link #JVM_OPTIONS}, the AOT cache's options, {@code -jar} and the packaged service. */
    static List<String> command(Path runnableJar, boolean recordAotCache) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.addAll(aotCacheOptions(runnableJar, recordAotCache));
        command.add("-jar");
        command.add(runnableJar.toString());
        return command;
    }

    /**
     * {@code -XX:AOTCache} when the service's cache is there and newer than its jar: classes
     * come loaded and linked, with the training run's profiles, and start-up takes about a third
     * less CPU. Otherwise, when {@code record}, {@code -XX:AOTCacheOutput}: this run is the
     * training run, and the JVM writes the cache when the service stops (a child JVM assembles
     * it, seconds on an idle machine), so the first {@code ./ikd up} after a build trains and the
     * next ones start from the cache. A cache the JVM finds stale is ignored, never fatal.
     */
    static List<String> aotCacheOptions(Path runnableJar, boolean record) {
        Path cache = runnableJar.resolveSibling(AOT_CACHE);
        try {
            // an assembly killed half way (./ikd down's grace ran out) leaves an empty file: record again
            if (Files.isRegularFile(cache) && Files.size(cache) > 0
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(runnableJar)) > 0) {
                return List.of("-XX:AOTCache=" + cache);
            }
        } catch (IOException e) {
            return List.of();
        }
        // the assembly lists every class it cannot cache as a warning: only errors reach the log
        return record && Files.isRegularFile(runnableJar) ? List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error")
                : List.of();
    }

    /** The {@code java} of the JDK this launcher runs on: the services run on the same one. */
    public static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private ServiceJvm() {
    }
}
