package id.go.dukcapil.ikd.local.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service as {@code java -jar <module>/target/quarkus-app/quarkus-run.jar}, in a process of
 * its own, with its output in {@code .ikd/logs/<module>.log} (the previous run's log is kept as
 * {@code .log.1}). It can be started again with the same command and environment after it died
 * ({@link #restart()}, driven by {@link Supervisor}); a restart appends to the same log.
 */
public final class ServiceProcess {

    /**
     * Five services, a broker and PostgreSQL share two cores and a laptop's memory: a small heap,
     * the serial collector, and C1 only, which starts a Quarkus service fastest. The same flags
     * run the services in the journey and hostile-load tests.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How a service died: its exit code (128 + signal for a signal: 137 is SIGKILL) and when. */
    public record Exit(int code, Instant at, Duration uptime) {
    }

    private final SuiteService service;
    private final int port;
    private final ProcessBuilder builder;
    private final Path log;
    private volatile Process process;
    private volatile long startedNanos;
    private final List<Exit> exits = new ArrayList<>(); // guarded by this
    private int restarts; // guarded by this

    private ServiceProcess(SuiteService service, int port, ProcessBuilder builder, Path log) {
        this.service = service;
        this.port = port;
        this.builder = builder;
        this.log = log;
    }

    public static Path logFile(Path logDir, SuiteService service) {
        return logDir.resolve(service.module() + ".log");
    }

    /** The service on its contract port, as {@code ./ikd up} runs it. */
    public static ServiceProcess start(Path projectRoot, SuiteService service, Map<String, String> environment,
            Path logDir) {
        return start(projectRoot, service, service.port(), environment, logDir);
    }

    /** The service on {@code port} (which {@code environment} must set as {@code QUARKUS_HTTP_PORT}). */
    public static ServiceProcess start(Path projectRoot, SuiteService service, int port,
            Map<String, String> environment, Path logDir) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(service.runnableJar(projectRoot).toString());
        return start(service, port, command, service.moduleDir(projectRoot), environment, logDir);
    }

    /** Any command standing for {@code service} (tests start a small stand-in this way). */
    public static ServiceProcess start(SuiteService service, int port, List<String> command, Path workingDir,
            Map<String, String> environment, Path logDir) {
        Path log = logFile(logDir, service);
        try {
            Files.createDirectories(logDir);
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the log of " + service.module(), e);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        ServiceProcess started = new ServiceProcess(service, port, builder, log);
        started.launch();
        return started;
    }

    public static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void launch() {
        try {
            process = builder.start();
            startedNanos = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.module(), e);
        }
    }

    /**
     * Notes how the current process ended and starts it again, with the same command and
     * environment; a line in the log marks the restart. Only after it exited.
     */
    public synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(service.module() + " still runs (pid " + process.pid() + ")");
        }
        noteExit();
        Exit exit = exits.getLast();
        try {
            Files.writeString(log, String.format("%n=== %s: restarted by ./ikd (restart %d) after exit code %d at %s ===%n",
                    service.module(), restarts + 1, exit.code(), exit.at()), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the restart matters more than its marker line
        }
        launch(); // counted only once it has started
        restarts++;
    }

    /** Records the exit of the current process once (idempotent), and returns it. */
    public synchronized Optional<Exit> noteExit() {
        Process current = process;
        if (current.isAlive()) {
            return Optional.empty();
        }
        Instant at = Instant.now();
        if (exits.size() == restarts) {
            exits.add(new Exit(current.exitValue(), at, sinceStart()));
        }
        return Optional.of(exits.getLast());
    }

    public SuiteService service() {
        return service;
    }

    public int port() {
        return port;
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

    /** How many times it was started again after dying. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Every exit seen so far (of earlier processes, and of the current one once noted), oldest first. */
    public synchronized List<Exit> exits() {
        return List.copyOf(exits);
    }

    /** Since the current process started. */
    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** True when {@code /q/health/ready} answers 200 (database, Kafka and the service's own checks are up). */
    public boolean isReady() {
        return readiness(port) == 200;
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

    /** Ends the service at once (SIGKILL), as a crash would: for tests of what follows. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the exit after {@link #requestStop()}, killing the process when it takes longer than {@code grace}. */
    public void awaitStop(Duration grace) {
        Process current = process;
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
