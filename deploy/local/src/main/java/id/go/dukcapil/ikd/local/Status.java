package id.go.dukcapil.ikd.local;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.go.dukcapil.ikd.local.gateway.RouteTable;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
import id.go.dukcapil.ikd.local.process.PortCheck;
import id.go.dukcapil.ikd.local.process.RecordedProcess;
import id.go.dukcapil.ikd.local.process.RunState;
import id.go.dukcapil.ikd.local.suite.HaPorts;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * {@code ./ikd status}: whether {@code ./ikd up} runs, and for each component its port and
 * state (services: their readiness endpoint, and how often {@code ./ikd up} restarted them). Exit code 0 when it runs, 3 when it does not.
 */
final class Status {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Path root;
    private final RunState state;

    Status(Path root, Path dataDir) {
        this.root = root;
        this.state = new RunState(dataDir);
    }

    int run() {
        Optional<RecordedProcess> launcher = state.runningLauncher();
        List<RecordedProcess> recorded = state.recorded();
        if (launcher.isPresent()) {
            System.out.println("./ikd up berjalan / is running: pid " + launcher.get().pid() + ", since "
                    + TIME.format(Instant.ofEpochMilli(launcher.get().startedAtMillis())));
        } else {
            System.out.println("./ikd up tidak berjalan / is not running.");
            long leftovers = recorded.stream().filter(RecordedProcess::isRunning).count();
            if (leftovers > 0) {
                System.out.println("⚠ " + leftovers + " process(es) it started still run (it was killed?): "
                        + "./ikd down stops them.");
            }
        }
        boolean ha = "HA".equals(state.topology());
        if (ha) {
            System.out.println("Topologi / topology: HA (./ikd up --ha)");
        }
        System.out.printf("%n  %-24s %-7s %s%n", "KOMPONEN / COMPONENT", "PORT", "STATUS");
        LocalPorts ports = LocalPorts.standard();
        if (ha) {
            return runHa(launcher.isPresent(), recorded, ports) ? 0 : 3;
        }
        for (Map.Entry<String, Integer> component : ports.byComponent().entrySet()) {
            String pid = switch (component.getKey()) {
                case "PostgreSQL" -> pidOf(recorded, "postgres");
                case "Kafka" -> pidOf(recorded, "kafka");
                default -> "";
            };
            int port = component.getValue();
            System.out.printf("  %-24s %-7d %s%s%n", component.getKey(), port,
                    PortCheck.acceptsConnections(port) ? "listening" : "not running", pid);
        }
        Map<String, RunState.Restart> restarts = new java.util.HashMap<>();
        if (launcher.isPresent()) {
            state.restarts().forEach(restart -> restarts.put(restart.name(), restart));
        }
        for (SuiteService service : SuiteService.values()) {
            if (service.existsIn(root)) {
                System.out.printf("  %-24s %-7d %s%s%s%n", service.module(), service.port(),
                        readiness(service.port()), pidOf(recorded, service.module()),
                        restarted(restarts.get(service.module())));
            }
        }
        return launcher.isPresent() ? 0 : 3;
    }

    /** The HA topology: brokers, the gateway's hosts, each service's gateway port and its replicas. */
    private boolean runHa(boolean running, List<RecordedProcess> recorded, LocalPorts ports) {
        HaPorts ha = HaPorts.standard(RouteTable.ofProject(root));
        row("PostgreSQL", ports.postgres(), listening(ports.postgres()) + pidOf(recorded, "postgres"));
        List<Long> brokerPids = recorded.stream().filter(p -> p.name().equals("kafka")).filter(RecordedProcess::isRunning)
                .map(RecordedProcess::pid).toList();
        for (int i = 0; i < ha.brokers().size(); i++) {
            row("Kafka broker " + (i + 1), ha.brokers().get(i), listening(ha.brokers().get(i)));
        }
        if (!brokerPids.isEmpty()) {
            System.out.println("    (Kafka pids " + brokerPids + ")");
        }
        row("SMTP", ports.smtp(), listening(ports.smtp()));
        row("IMAP", ports.imap(), listening(ports.imap()));
        row("mail inbox", ports.mailInbox(), listening(ports.mailInbox()));
        row("SMS outbox", ports.smsOutbox(), listening(ports.smsOutbox()));
        ha.hosts().forEach((host, port) -> row("gateway " + host, port, listening(port)));
        Map<String, RunState.Restart> restarts = new java.util.HashMap<>();
        if (running) {
            state.restarts().forEach(restart -> restarts.put(restart.name(), restart));
        }
        for (SuiteService service : SuiteService.values()) {
            if (!service.existsIn(root)) {
                continue;
            }
            row(service.module(), ha.services().of(service), "gateway → " + readiness(ha.services().of(service)));
            List<Integer> replicaPorts = ha.replicas().get(service);
            for (int i = 0; i < replicaPorts.size(); i++) {
                String name = ServiceProcess.replicaName(service, i + 1);
                row("  " + name, replicaPorts.get(i), readiness(replicaPorts.get(i)) + pidOf(recorded, name)
                        + restarted(restarts.get(name)));
            }
        }
        return running;
    }

    private static void row(String component, int port, String status) {
        System.out.printf("  %-24s %-7d %s%n", component, port, status);
    }

    private static String listening(int port) {
        return PortCheck.acceptsConnections(port) ? "listening" : "not running";
    }

    private static String readiness(int port) {
        int status = ServiceProcess.readiness(port);
        return switch (status) {
            case -1 -> "not running";
            case 200 -> "ready";
            default -> "not ready (HTTP " + status + " from /q/health/ready)";
        };
    }

    /** ", restarted 2× (last exit code 137 at …)" for a service ./ikd up restarted, else nothing. */
    static String restarted(RunState.Restart restart) {
        if (restart == null) {
            return "";
        }
        return String.format(", dimulai ulang / restarted %d× (last exit code %d%s at %s)", restart.restarts(),
                restart.lastExitCode(), restart.lastExitCode() == 137 ? ", SIGKILL" : "",
                TIME.format(restart.lastExitAt()));
    }

    private static String pidOf(List<RecordedProcess> recorded, String name) {
        return recorded.stream().filter(p -> p.name().equals(name)).filter(RecordedProcess::isRunning)
                .findFirst().map(p -> " (pid " + p.pid() + ")").orElse("");
    }
}
