package id.go.dukcapil.ikd.local.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import id.go.dukcapil.ikd.local.gateway.Gateway;
import id.go.dukcapil.ikd.local.gateway.RouteTable;
import id.go.dukcapil.ikd.local.infra.KafkaCluster;
import id.go.dukcapil.ikd.local.infra.KafkaTopics;
import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.testing.FreePorts;
import id.go.dukcapil.ikd.testing.Postgres;

/**
 * The whole suite for tests, started the way {@code ./ikd up} starts it: real PostgreSQL, Kafka,
 * mail server and SMS outbox, and the five services as separate processes from their packaged
 * applications, with the launcher's environment and JVM flags ({@link ServiceJvm#JVM_OPTIONS},
 * the same heap as Kubernetes). Everything on free ports in a temporary folder, so that two
 * suites (the journey tests, the hostile-load tests, a running {@code ./ikd up}) never clash;
 * PostgreSQL without fsync, since the data is thrown away. A service that dies is restarted as
 * {@code ./ikd up} does, and its exits are kept for the tests to report.
 *
 * <p>In the {@link Topology#HA} topology ({@code ./ikd up --ha}): three Kafka brokers, two
 * replicas of each service (each supervised), and the {@link Gateway}: {@link #url(SuiteService)}
 * is then the gateway's port of that service (round robin over its replicas), and
 * {@link #publicUrl(String)} the gateway's port of a public host of deploy/routes.yaml.
 */
public final class LocalSuite implements AutoCloseable {

    private static final Duration BROKER_READY_TIMEOUT = Duration.ofSeconds(120);

    private final Topology topology;
    private final Path dataDir;
    private final LocalPorts ports;
    private final ServicePorts servicePorts;
    private final LocalInfrastructure infrastructure;
    private final Map<SuiteService, List<ServiceProcess>> services = new EnumMap<>(SuiteService.class);
    private volatile Gateway gateway;
    private final Supervisor supervisor;
    private boolean closed;
    private final List<ExtraReplica> extraReplicas = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ServiceEnvironment.Context context;
    private volatile Path projectRoot;

    private LocalSuite(Topology topology, Path dataDir, LocalPorts ports, ServicePorts servicePorts,
            LocalInfrastructure infrastructure) {
        this.topology = topology;
        this.dataDir = dataDir;
        this.ports = ports;
        this.servicePorts = servicePorts;
        this.infrastructure = infrastructure;
        this.supervisor = new Supervisor(RestartPolicy.STANDARD, new StderrRestartReport());
    }

    /** What the services do with their AOT caches (the JDK's, next to each packaged application). */
    public enum AotCaches {
        /** Start from a service's cache when it has one; never write one. */
        READ,
        /**
         * As {@code ./ikd up}: a service without a cache records one (a training run), written
         * when the suite stops, so that the suites started after it (the HA topology, the fault
         * campaign) start from it. The single topology only: one process per service writes.
         */
        RECORD
    }

    /** The single topology ({@link Topology#SINGLE}), as {@code ./ikd up}, reading the AOT caches. */
    public static LocalSuite start(Path projectRoot, String name, Duration readyTimeout) {
        return start(projectRoot, name, readyTimeout, Topology.SINGLE, AotCaches.READ);
    }

    /** Everything in {@code topology}, reading the AOT caches. */
    public static LocalSuite start(Path projectRoot, String name, Duration readyTimeout, Topology topology) {
        return start(projectRoot, name, readyTimeout, topology, AotCaches.READ);
    }

    /**
     * Starts everything in {@code topology} and returns once every service (every replica) is
     * ready; on failure everything is stopped. {@code readyTimeout} is for the services; the
     * brokers have their own.
     */
    public static LocalSuite start(Path projectRoot, String name, Duration readyTimeout, Topology topology,
            AotCaches aotCaches) {
        if (topology == Topology.HA && aotCaches == AotCaches.RECORD) {
            throw new IllegalArgumentException("two replicas of a service would write the same AOT cache: record in the single topology");
        }
        List<String> unbuilt = Arrays.stream(SuiteService.values())
                .map(service -> service.runnableJar(projectRoot)).filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString).toList();
        if (!unbuilt.isEmpty()) {
            throw new IllegalStateException("the services are not packaged: missing " + unbuilt
                    + " (build them first: ./mvnw verify builds them before the e2e and hostile-load tests)");
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("ikd-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalPorts ports = LocalPorts.free();
        RouteTable routes = topology == Topology.HA ? RouteTable.ofProject(projectRoot) : null;
        HaPorts ha = topology == Topology.HA ? HaPorts.free(routes) : null;
        ServicePorts servicePorts = ha != null ? ha.services() : ServicePorts.free();
        LocalInfrastructure.KafkaLayout kafka = ha != null
                ? new LocalInfrastructure.KafkaLayout(ha.brokers(), KafkaTopics.ofProject(projectRoot))
                : LocalInfrastructure.KafkaLayout.single(KafkaTopics.ofProject(projectRoot));
        LocalInfrastructure infrastructure = LocalInfrastructure.start(dataDir, ports,
                Arrays.stream(SuiteService.values()).map(SuiteService::database).toList(),
                ha != null ? BROKER_READY_TIMEOUT : Duration.ofSeconds(90), Postgres.Durability.FAST_UNSAFE, kafka);
        LocalSuite suite = new LocalSuite(topology, dataDir, ports, servicePorts, infrastructure);
        try {
            LocalKeys keys = LocalKeys.inDirectory(dataDir.resolve("keys"), ServiceEnvironment.secretNames());
            ServiceEnvironment.Context context = new ServiceEnvironment.Context(ports, servicePorts, keys,
                    infrastructure.kafkaBootstrapServers(), ha != null ? ha.publicUrls() : Map.of());
            suite.context = context;
            suite.projectRoot = projectRoot;
            Path logs = dataDir.resolve("logs");
            if (ha != null) {
                suite.gateway = Gateway.start(routes, ha.hosts(), ha.services().ports(), ha.replicas());
            }
            for (SuiteService service : SuiteService.values()) {
                List<ServiceProcess> replicas = new java.util.ArrayList<>();
                if (ha == null) {
                    replicas.add(ServiceProcess.start(projectRoot, service, servicePorts.of(service),
                            ServiceEnvironment.of(service, context), logs, aotCaches == AotCaches.RECORD));
                } else {
                    List<Integer> replicaPorts = ha.replicas().get(service);
                    for (int replica = 1; replica <= replicaPorts.size(); replica++) {
                        replicas.add(ServiceProcess.startReplica(projectRoot, service, replica, replicaPorts.get(replica - 1),
                                replicaEnvironment(service, context, replicaPorts.get(replica - 1)), logs));
                    }
                }
                suite.services.put(service, replicas);
            }
            if (ha == null) {
                suite.awaitReady(readyTimeout, ReadinessWait.OnExit.FAIL);
                suite.processes().forEach(suite.supervisor::add);
                suite.supervisor.watch(Duration.ofMillis(500));
            } else {
                // ten JVMs starting on a small machine: one that fails its start (a connection
                // timeout to PostgreSQL under load) is restarted as Kubernetes would, not fatal
                suite.processes().forEach(suite.supervisor::add);
                suite.supervisor.watch(Duration.ofMillis(500));
                suite.awaitReady(readyTimeout, ReadinessWait.OnExit.WAIT);
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** A replica's environment: the service's, on the replica's own port. */
    public static Map<String, String> replicaEnvironment(SuiteService service, ServiceEnvironment.Context context,
            int port) {
        Map<String, String> environment = new java.util.LinkedHashMap<>(ServiceEnvironment.of(service, context));
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return environment;
    }

    /** Every process ready within {@code timeout}; {@code onExit} says what an exit meanwhile means. */
    private void awaitReady(Duration timeout, ReadinessWait.OnExit onExit) {
        Instant deadline = Instant.now().plus(timeout);
        processes().forEach(process -> ReadinessWait.await(process, deadline, timeout, onExit));
    }

    /**
     * Starts one more instance of {@code service}, as a second replica behind a load balancer would
     * run: the same packaged application, environment, database, broker and keys as the first, on
     * a free HTTP port of its own, with its log in {@code logs/<module>-<port>/}. Returns once it is
     * ready; it is not restarted when it dies, and {@link ExtraReplica#close()} (or closing the
     * suite) stops it. For tests that prove a service keeps nothing per replica.
     */
    public ExtraReplica startExtraReplica(SuiteService service, Duration readyTimeout) {
        return startExtraReplica(service, readyTimeout, Map.of());
    }

    /** The same, with {@code extraEnvironment} added to (or replacing part of) the suite's environment for it. */
    public ExtraReplica startExtraReplica(SuiteService service, Duration readyTimeout, Map<String, String> extraEnvironment) {
        int port = FreePorts.next();
        Map<String, String> environment = new java.util.LinkedHashMap<>(ServiceEnvironment.of(service, context));
        environment.putAll(extraEnvironment);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceProcess process = ServiceProcess.start(projectRoot, service, port, environment,
                dataDir.resolve("logs").resolve(service.module() + "-" + port));
        ExtraReplica replica = new ExtraReplica(process, extraReplicas::remove);
        extraReplicas.add(replica);
        try {
            ReadinessWait.await(process, Instant.now().plus(readyTimeout), readyTimeout, ReadinessWait.OnExit.FAIL);
            return replica;
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    /** What a browser on this machine opens, e.g. {@code http://localhost:41234}. */
    public String url(SuiteService service) {
        return servicePorts.baseUrl(service);
    }

    public int port(SuiteService service) {
        return servicePorts.of(service);
    }

    /** The (first) process of {@code service}. */
    public ServiceProcess process(SuiteService service) {
        return services.get(service).getFirst();
    }

    /** Every process of the suite's services, every replica of each. */
    public List<ServiceProcess> processes() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    /** The replicas of {@code service}: one in the single topology, two in HA; each supervised. */
    public List<ServiceProcess> replicas(SuiteService service) {
        return List.copyOf(services.get(service));
    }

    /** The replica's own address, bypassing the gateway, e.g. {@code http://localhost:41234}. */
    public static String urlOf(ServiceProcess replica) {
        return "http://localhost:" + replica.port();
    }

    public Topology topology() {
        return topology;
    }

    /**
     * The gateway's base URL of public host {@code host} of deploy/routes.yaml ({@code api},
     * {@code portal}, {@code aktivasi}, {@code verifikasi}), e.g. {@code http://localhost:41235}.
     * Only in the HA topology (the single one has no gateway).
     */
    public String publicUrl(String host) {
        return "http://localhost:" + gateway().hostPort(host);
    }

    /** The gateway of the HA topology. */
    public Gateway gateway() {
        if (gateway == null) {
            throw new IllegalStateException("the " + topology + " topology has no gateway; start the suite with Topology.HA");
        }
        return gateway;
    }

    /** Kafka brokers: 1 in the single topology, 3 in HA. */
    public int brokerCount() {
        return infrastructure.kafkaCluster().map(KafkaCluster::size).orElse(1);
    }

    /** What a Kafka client (a test reading topics back) bootstraps from. */
    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** Ends broker {@code index} (0-based) at once (SIGKILL); HA only. */
    public void killBroker(int index) {
        cluster().kill(index);
    }

    /** Starts broker {@code index} (0-based) again on its data; returns once it is back in the cluster. HA only. */
    public void startBroker(int index) {
        cluster().restart(index, BROKER_READY_TIMEOUT);
    }

    /** Whether broker {@code index} (0-based) runs. */
    public boolean brokerAlive(int index) {
        return cluster().isAlive(index);
    }

    private KafkaCluster cluster() {
        return infrastructure.kafkaCluster().orElseThrow(() -> new IllegalStateException(
                "the " + topology + " topology has one broker; start the suite with Topology.HA"));
    }

    public int imapPort() {
        return ports.imap();
    }

    public SmsOutbox sms() {
        return infrastructure.smsOutbox();
    }

    /** The log of the (first) process of {@code service}. */
    public Path logOf(SuiteService service) {
        return process(service).log();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** PostgreSQL, Kafka, mail and SMS underneath, with their ports and fault-injection controls. */
    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    /**
     * Stops every supervised service process (SIGTERM, so each leaves its Kafka groups), runs
     * {@code whileStopped} with none of them running or being restarted, then starts them again
     * one at a time, each once the previous is ready (one JVM start at a time on a small machine;
     * a start that fails is tried again), and gives them back to the supervisor. For operations
     * that need a consumer group without members, such as resetting its offsets.
     */
    public void withServicesStopped(Runnable whileStopped, Duration readyTimeout) {
        List<ServiceProcess> supervised = supervisor.processes();
        supervisor.pause();
        try {
            ServiceProcess.stopAll(supervised);
            whileStopped.run();
        } finally {
            try {
                // one at a time, each with its own time: nobody else restarts them while the supervisor is paused
                supervised.forEach(process -> ReadinessWait.await(process, Instant.now().plus(readyTimeout),
                        readyTimeout, ReadinessWait.OnExit.RESTART));
            } finally {
                supervisor.resume();
            }
        }
    }

    /** Stops the services (no more restarts), then the infrastructure. */
    @Override
    public synchronized void close() {
        if (closed) {
            return; // a test that stopped the suite early, then the JVM's shutdown hook
        }
        closed = true;
        supervisor.close();
        extraReplicas.forEach(ExtraReplica::close);
        if (topology == Topology.HA) {
            // surefire kills a test JVM 30 s after its end: the services, then the brokers, well within that
            ServiceProcess.stopAll(processes(), Duration.ofSeconds(12));
        } else {
            // a training run's stop assembles the AOT caches: longer, so the e2e tests stop it before the HA start
            ServiceProcess.stopAll(processes());
        }
        if (gateway != null) {
            gateway.close();
        }
        infrastructure.close();
        // the bulk (database, brokers) and the keys go; the services' logs stay for a look after a failure
        for (String part : List.of("postgres", "kafka", "kafka-cluster", "keys")) {
            deleteRecursively(dataDir.resolve(part));
        }
    }

    private static void deleteRecursively(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is no failure
        }
    }
}
