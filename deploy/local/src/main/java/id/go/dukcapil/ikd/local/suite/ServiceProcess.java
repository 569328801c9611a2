package id.go.dukcapil.ikd.local.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as {@code java -jar <module>/target/quarkus-app/quarkus-run.jar}, in a process of
 * its own, with its output in {@code .ikd/logs/<module>.log} (the previous run's log is kept as
 * {@code .log.1}).
 */
public final class ServiceProcess {

    /**
     * Five services, a broker and PostgreSQL share two cores and a laptop's memory: a small heap,
     * the serial collector, and C1 only, which starts a Quarkus service fastest.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SuiteService service;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ServiceProcess(SuiteService service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.startedNanos = System.nanoTime();
    }

    public static Path logFile(Path logDir, SuiteService service) {
        return logDir.resolve(service.module() + ".log");
    }

    public static ServiceProcess start(Path projectRoot, SuiteService service, Map<String, String> environment,
            Path logDir) {
        Path log = logFile(logDir, service);
        try {
            Files.createDirectories(logDir);
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            command.add("-jar");
            command.add(service.runnableJar(projectRoot).toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(service.moduleDir(projectRoot).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.module(), e);
        }
    }

    public SuiteService service() {
        return service;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** True when {@code /q/health/ready} answers 200 (database, Kafka and the service's own checks are up). */
    public boolean isReady() {
        return readiness(service.port()) == 200;
    }

    /** The HTTP status of {@code /q/health/ready}, or -1 when nothing answers. */
    public static int readiness(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully). */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the exit after {@link #requestStop()}, killing the process when it takes longer than {@code grace}. */
    public void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
