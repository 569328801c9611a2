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
 * ({@link #restart()}, driven by {@link Supervisor}); a restart appends to the same log. The JVM's
 * command line is {@link ServiceJvm}'s.
 */
public final class ServiceProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(90);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How a service died: its exit code (128 + signal for a signal: 137 is SIGKILL) and when. */
    public record Exit(int code, Instant at, Duration uptime) {
    }

    private final SuiteService service;
    private final String name;
    private final int port;
    private final ProcessBuilder builder;
    private final Path log;
    private volatile Process process;
    private volatile long startedNanos;
    private final List<Exit> exits = new ArrayList<>(); // guarded by this
    private int restarts; // guarded by this

    private ServiceProcess(SuiteService service, String name, int port, ProcessBuilder builder, Path log) {
        this.service = service;
        this.name = name;
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

    /**
     * The service on {@code port} (which {@code environment} must set as {@code QUARKUS_HTTP_PORT}),
     * reading its AOT cache when there is one; only {@code ./ikd up} (the contract port) records one.
     */
    public static ServiceProcess start(Path projectRoot, SuiteService service, int port,
            Map<String, String> environment, Path logDir) {
        return start(projectRoot, service, port, environment, logDir, port == service.port());
    }

    /**
     * The same, recording the AOT cache when {@code recordAotCache} and the service has none yet
     * ({@link ServiceJvm#aotCacheOptions}). Only one process per service may record at a time: the cache
     * is one file next to the packaged application, which replicas side by side would overwrite.
     */
    public static ServiceProcess start(Path projectRoot, SuiteService service, int port,
            Map<String, String> environment, Path logDir, boolean recordAotCache) {
        return start(service, port, ServiceJvm.command(service.runnableJar(projectRoot), recordAotCache), service.moduleDir(projectRoot),
                environment, logDir);
    }

    /**
     * Replica {@code replica} (1, 2, …) of the service on {@code port}, as the HA topology runs it:
     * named {@code <module>-<replica>}, with its log in {@code <logDir>/<module>-<replica>.log}.
     */
    public static ServiceProcess startReplica(Path projectRoot, SuiteService service, int replica, int port,
            Map<String, String> environment, Path logDir) {
        List<String> command = ServiceJvm.command(service.runnableJar(projectRoot), false);
        return start(service, replicaName(service, replica), port, command, service.moduleDir(projectRoot), environment,
                logDir.resolve(replicaName(service, replica) + ".log"));
    }

    /** {@code registration-service-2}: how replicas are named in logs, {@code .ikd/processes} and {@code ./ikd status}. */
    public static String replicaName(SuiteService service, int replica) {
        return service.module() + "-" + replica;
    }

    /** Any command standing for {@code service} (tests start a small stand-in this way). */
    public static ServiceProcess start(SuiteService service, int port, List<String> command, Path workingDir,
            Map<String, String> environment, Path logDir) {
        return start(service, service.module(), port, command, workingDir, environment, logFile(logDir, service));
    }

    private static ServiceProcess start(SuiteService service, String name, int port, List<String> command,
            Path workingDir, Map<String, String> environment, Path log) {
        Path logDir = log.getParent();
        try {
            Files.createDirectories(logDir);
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the log of " + name, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        // the service stops by itself once this launcher is gone, even after a SIGKILL (platform SupervisorWatch)
        builder.environment().putIfAbsent("IKD_SUPERVISOR_PID", Long.toString(ProcessHandle.current().pid()));
        ServiceProcess started = new ServiceProcess(service, name, port, builder, log);
        started.launch();
        return started;
    }

    private void launch() {
        try {
            process = builder.start();
            startedNanos = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Notes how the current process ended and starts it again, with the same command and
     * environment; a line in the log marks the restart. Only after it exited.
     */
    public synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs (pid " + process.pid() + ")");
        }
        noteExit();
        Exit exit = exits.getLast();
        try {
            Files.writeString(log, String.format("%n=== %s: restarted by ./ikd (restart %d) after exit code %d at %s ===%n",
                    name, restarts + 1, exit.code(), exit.at()), StandardCharsets.UTF_8,
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

    /** The module's name, or {@code <module>-<n>} for a replica of the HA topology. */
    public String name() {
        return name;
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

    /** True when this run is a training run: its JVM writes the AOT cache after the service stops. */
    public boolean recordsAotCache() {
        return builder.command().stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    }

    /**
     * How long a stop may take before the process is killed: a training run assembles its AOT
     * cache on the way out (a child JVM, 130-170 MB each; five at once on two cores took 45-60 s,
     * and at 30 s the slowest was killed half way and recorded again at every start).
     */
    public Duration stopGrace() {
        return recordsAotCache() ? TRAINING_STOP_GRACE : STOP_GRACE;
    }

    /**
     * Asks every process to stop and waits for them side by side, within the longest of their
     * {@link #stopGrace()}s; one still running then is killed.
     */
    public static void stopAll(List<ServiceProcess> processes) {
        stopAll(processes, processes.stream().map(ServiceProcess::stopGrace).max(Duration::compareTo).orElse(STOP_GRACE));
    }

    /** The same within {@code grace}, whatever the processes' own. */
    public static void stopAll(List<ServiceProcess> processes, Duration grace) {
        processes.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + grace.toNanos();
        // one deadline for all: they stop side by side, so the later ones need no grace of their own
        processes.forEach(process -> process.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
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
        return health(port, "ready");
    }

    /**
     * The HTTP status of {@code /q/health/live}: 503 when a check says the process is broken for
     * good (a Kafka consumer the library closed), -1 when nothing answers.
     */
    public int liveness() {
        return health(port, "live");
    }

    private static int health(int port, String kind) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/" + kind))
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
