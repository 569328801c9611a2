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

import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.testing.FreePorts;
import id.go.dukcapil.ikd.testing.Logs;
import id.go.dukcapil.ikd.testing.Postgres;

/**
 * The whole suite for tests, started the way {@code ./ikd up} starts it: real PostgreSQL, Kafka,
 * mail server and SMS outbox, and the five services as separate processes from their packaged
 * applications, with the launcher's environment and JVM flags ({@link ServiceProcess#JVM_OPTIONS},
 * the same heap as Kubernetes). Everything on free ports in a temporary folder, so that two
 * suites (the journey tests, the hostile-load tests, a running {@code ./ikd up}) never clash;
 * PostgreSQL without fsync, since the data is thrown away. A service that dies is restarted as
 * {@code ./ikd up} does, and its exits are kept for the tests to report.
 */
public final class LocalSuite implements AutoCloseable {

    private final Path dataDir;
    private final LocalPorts ports;
    private final ServicePorts servicePorts;
    private final LocalInfrastructure infrastructure;
    private final Map<SuiteService, ServiceProcess> services = new EnumMap<>(SuiteService.class);
    private final Supervisor supervisor;
    private final List<ExtraReplica> extraReplicas = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ServiceEnvironment.Context context;
    private volatile Path projectRoot;

    private LocalSuite(Path dataDir, LocalPorts ports, ServicePorts servicePorts, LocalInfrastructure infrastructure) {
        this.dataDir = dataDir;
        this.ports = ports;
        this.servicePorts = servicePorts;
        this.infrastructure = infrastructure;
        this.supervisor = new Supervisor(RestartPolicy.STANDARD, new Supervisor.Listener() {
            @Override
            public void exited(ServiceProcess process, ServiceProcess.Exit exit, Duration restartIn) {
                System.err.printf("⚠ %s exited with code %d after %s; restarting in %s. Last lines of its log:%n%s",
                        process.service().module(), exit.code(), exit.uptime(), restartIn,
                        Logs.tail(process.log(), 30).indent(4));
            }

            @Override
            public void restarted(ServiceProcess process) {
                System.err.printf("↻ %s restarted (restart %d)%n", process.service().module(), process.restarts());
            }

            @Override
            public void readyAgain(ServiceProcess process) {
                System.err.printf("✓ %s ready again%n", process.service().module());
            }
        });
    }

    /** Starts everything and returns once every service is ready; on failure everything is stopped. */
    public static LocalSuite start(Path projectRoot, String name, Duration readyTimeout) {
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
        ServicePorts servicePorts = ServicePorts.free();
        LocalInfrastructure infrastructure = LocalInfrastructure.start(dataDir, ports,
                Arrays.stream(SuiteService.values()).map(SuiteService::database).toList(), Duration.ofSeconds(90),
                Postgres.Durability.FAST_UNSAFE);
        LocalSuite suite = new LocalSuite(dataDir, ports, servicePorts, infrastructure);
        try {
            LocalKeys keys = LocalKeys.inDirectory(dataDir.resolve("keys"), ServiceEnvironment.secretNames());
            ServiceEnvironment.Context context = new ServiceEnvironment.Context(ports, servicePorts, keys);
            suite.context = context;
            suite.projectRoot = projectRoot;
            for (SuiteService service : SuiteService.values()) {
                ServiceProcess process = ServiceProcess.start(projectRoot, service, servicePorts.of(service),
                        ServiceEnvironment.of(service, context), dataDir.resolve("logs"));
                suite.services.put(service, process);
            }
            suite.awaitReady(readyTimeout);
            suite.services.values().forEach(suite.supervisor::add);
            suite.supervisor.watch(Duration.ofMillis(500));
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (ServiceProcess service : services.values()) {
            while (!service.isReady()) {
                if (!service.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.service().module() + " did not become ready; last lines of "
                            + service.log() + ":\n" + Logs.tail(service.log(), 40));
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    /**
     * Starts one more instance of {@code service}, as a second replica behind a load balancer would
     * run: the same packaged application, environment, database, broker and keys as the first, on
     * a free HTTP port of its own, with its log in {@code logs/<module>-<port>/}. Returns once it is
     * ready; it is not restarted when it dies, and {@link ExtraReplica#close()} (or closing the
     * suite) stops it. For tests that prove a service keeps nothing per replica.
     */
    public ExtraReplica startExtraReplica(SuiteService service, Duration readyTimeout) {
        int port = FreePorts.next();
        Map<String, String> environment = new java.util.LinkedHashMap<>(ServiceEnvironment.of(service, context));
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceProcess process = ServiceProcess.start(projectRoot, service, port, environment,
                dataDir.resolve("logs").resolve(service.module() + "-" + port));
        ExtraReplica replica = new ExtraReplica(process, extraReplicas::remove);
        extraReplicas.add(replica);
        try {
            Instant deadline = Instant.now().plus(readyTimeout);
            while (!process.isReady()) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the extra " + service.module() + " did not become ready; last lines of "
                            + process.log() + ":\n" + Logs.tail(process.log(), 40));
                }
                sleep(Duration.ofMillis(500));
            }
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

    public ServiceProcess process(SuiteService service) {
        return services.get(service);
    }

    public List<ServiceProcess> processes() {
        return List.copyOf(services.values());
    }

    public int imapPort() {
        return ports.imap();
    }

    public SmsOutbox sms() {
        return infrastructure.smsOutbox();
    }

    public Path logOf(SuiteService service) {
        return ServiceProcess.logFile(dataDir.resolve("logs"), service);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the services (no more restarts), then the infrastructure. */
    @Override
    public synchronized void close() {
        supervisor.close();
        extraReplicas.forEach(ExtraReplica::close);
        services.values().forEach(ServiceProcess::requestStop);
        services.values().forEach(process -> process.awaitStop(Duration.ofSeconds(30)));
        infrastructure.close();
        // the bulk (database, broker) and the keys go; the services' logs stay for a look after a failure
        for (String part : List.of("postgres", "kafka", "keys")) {
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
