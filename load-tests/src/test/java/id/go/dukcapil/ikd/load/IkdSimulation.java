package id.go.dukcapil.ikd.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What every simulation shares: the settings, a warm-up phase whose timings are thrown away, the
 * measured phase's {@link StepTimings} and {@link CpuReport}, and the summary printed at the end
 * (also written to {@code target/load-summary-<simulation>.txt}).
 */
public abstract class IkdSimulation extends Simulation {

    protected final LoadSettings settings = new LoadSettings();
    protected final StepTimings timings = new StepTimings();
    protected final CpuReport cpu = new CpuReport();
    /** Chains whose timings count. */
    protected final Journey journey = new Journey(settings, timings);
    /** The same chains for the warm-up: the JIT compiles the paths; their timings are dropped. */
    protected final Journey warmUp = new Journey(settings, new StepTimings());
    protected final HttpProtocolBuilder protocol = http.acceptHeader("application/json")
            .userAgentHeader("ikd-load-tests (Gatling)").disableCaching().warmUp(settings.registration + "/q/health/ready");
    private final long startedMillis = System.currentTimeMillis();

    /** The first user of the measured phase starts the CPU clock. */
    protected ChainBuilder startMeasuring() {
        return exec(session -> {
            synchronized (cpu) {
                if (!cpu.started()) {
                    cpu.start();
                }
            }
            return session;
        });
    }

    /** The unit of work CPU is divided by, and how many were done (for "ms per …"). */
    protected abstract String unit();

    protected abstract long units();

    /** Anything a simulation prints before the common summary. */
    protected void beforeSummary(StringBuilder out) {
    }

    @Override
    public void after() {
        StringBuilder text = new StringBuilder();
        beforeSummary(text);
        var buffer = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            out.printf(Locale.ROOT, "%n=== %s: rate %.1f/s, %d s measured, %d operators, concurrency %d; %s ===%n",
                    getClass().getSimpleName(), settings.rate, settings.duration.toSeconds(), settings.operators,
                    settings.concurrency, Instant.ofEpochMilli(startedMillis));
            out.println("load average at the end: " + loadAverage());
            out.print(text);
            timings.print(out);
            cpu.print(out, unit(), units());
        }
        String summary = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(summary);
        try {
            Path file = Path.of("target", "load-summary-" + getClass().getSimpleName() + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary);
        } catch (IOException e) {
            System.err.println("could not write the summary file: " + e.getMessage());
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
