package id.go.dukcapil.ikd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.local.suite.LocalKeys;
import id.go.dukcapil.ikd.local.suite.ServiceEnvironment;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.FreePorts;
import id.go.dukcapil.ikd.testing.Logs;

/**
 * The whole suite for the journey tests, started the way {@code ./ikd up} starts it: real
 * PostgreSQL, Kafka, mail server and SMS outbox (on free ports, in a temporary folder), and the
 * five services as separate processes from their packaged applications, with the launcher's
 * environment. Started once for all journey tests of the JVM.
 */
final class Suite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private static Suite running;

    private final Path dataDir;
    private final LocalPorts ports;
    private final LocalInfrastructure infrastructure;
    private final List<ServiceProcess> services;

    private Suite(Path dataDir, LocalPorts ports, LocalInfrastructure infrastructure, List<ServiceProcess> services) {
        this.dataDir = dataDir;
        this.ports = ports;
        this.infrastructure = infrastructure;
        this.services = services;
    }

    static synchronized Suite shared() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "ikd-e2e-stop"));
        }
        return running;
    }

    private static Suite start() {
        Path root = Path.of(System.getProperty("ikd.project.root", ".."));
        for (SuiteService service : SuiteService.values()) {
            if (!FreePorts.isFree(service.port())) {
                throw new IllegalStateException("port " + service.port() + " of " + service.module()
                        + " is taken: is ./ikd up running? Stop it (./ikd down) before the journey tests.");
            }
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("ikd-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalPorts ports = LocalPorts.free();
        LocalInfrastructure infrastructure = LocalInfrastructure.start(dataDir, ports,
                Arrays.stream(SuiteService.values()).map(SuiteService::database).toList(), Duration.ofSeconds(90));
        LocalKeys keys = LocalKeys.inDirectory(dataDir.resolve("keys"), ServiceEnvironment.secretNames());
        ServiceEnvironment.Context context = new ServiceEnvironment.Context(ports, keys);
        List<ServiceProcess> services = new ArrayList<>();
        Suite suite = new Suite(dataDir, ports, infrastructure, services);
        try {
            for (SuiteService service : SuiteService.values()) {
                Map<String, String> environment = new LinkedHashMap<>(ServiceEnvironment.of(service, context));
                services.add(ServiceProcess.start(root, service, environment, dataDir.resolve("logs")));
            }
            suite.awaitReady();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        for (ServiceProcess service : services) {
            while (!service.isReady()) {
                if (!service.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.service().module() + " did not become ready; last lines of "
                            + service.log() + ":\n" + Logs.tail(service.log(), 40));
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    String url(SuiteService service) {
        return service.baseUrl();
    }

    int imapPort() {
        return ports.imap();
    }

    SmsOutbox sms() {
        return infrastructure.smsOutbox();
    }

    Path logOf(SuiteService service) {
        return ServiceProcess.logFile(dataDir.resolve("logs"), service);
    }

    @Override
    public synchronized void close() {
        for (ServiceProcess service : services) {
            service.requestStop();
        }
        for (ServiceProcess service : services) {
            service.awaitStop(Duration.ofSeconds(30));
        }
        infrastructure.close();
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
