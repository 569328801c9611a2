package id.go.dukcapil.ikd.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
import id.go.dukcapil.ikd.local.suite.HaPorts;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;

/** What {@code ./ikd up} prints once everything is ready: every URL, the infrastructure, demo credentials. */
final class Banner {

    private Banner() {
    }

    static void print(Path root, List<SuiteService> services, LocalPorts ports, LocalInfrastructure.Timings timings) {
        print(root, services, ports, timings, null, ports.kafkaBootstrapServers());
    }

    /** {@code ha}: the ports of the HA topology, or null for the single one. */
    static void print(Path root, List<SuiteService> services, LocalPorts ports, LocalInfrastructure.Timings timings,
            HaPorts ha, String kafkaBootstrapServers) {
        StringBuilder out = new StringBuilder("\n");
        out.append("IKD siap / IKD is ready (infrastructure ready in ").append(seconds(timings.total())).append(")");
        out.append(ha == null ? "\n\n" : ", topologi HA / HA topology: 3 Kafka brokers, 2 replicas per service, gateway\n\n");

        if (ha != null) {
            out.append("Gateway (deploy/routes.yaml): host publik / public hosts\n");
            ha.publicUrls().forEach((host, url) -> row(out, host, url));
            out.append("Replika / Replicas (the gateway's port per service → round robin over them)\n");
            for (SuiteService service : services) {
                List<Integer> replicaPorts = ha.replicas().get(service);
                StringBuilder line = new StringBuilder(":" + ha.services().of(service) + " →");
                for (int i = 0; i < replicaPorts.size(); i++) {
                    line.append(' ').append(ServiceProcess.replicaName(service, i + 1)).append(" :").append(replicaPorts.get(i));
                }
                row(out, service.module(), line.toString());
            }
            out.append('\n');
        }

        if (!services.isEmpty()) {
            out.append("Layanan / Services\n");
            for (SuiteService service : services) {
                out.append(String.format("  %-22s API %-24s OpenAPI %s/q/openapi   Swagger UI %s/q/swagger-ui%n",
                        service.module(), service.baseUrl(), service.baseUrl(), service.baseUrl()));
            }
            out.append('\n');
        }

        out.append("Halaman / Pages\n");
        for (SuiteService service : services) {
            for (SuiteService.Page page : service.pages()) {
                String base = ha == null ? service.baseUrl() : ha.publicUrls().get(publicHostOf(service));
                row(out, page.labelId() + " / " + page.labelEn(), (base + page.path() + " " + page.note()).strip());
            }
        }
        row(out, "Kotak masuk surel / Mail inbox", "http://localhost:" + ports.mailInbox());
        row(out, "Kotak keluar SMS / SMS outbox", "http://localhost:" + ports.smsOutbox());
        out.append('\n');

        out.append("Infrastruktur / Infrastructure\n");
        row(out, "PostgreSQL", "127.0.0.1:" + ports.postgres() + "  user " + LocalInfrastructure.POSTGRES_USER
                + ", password " + LocalInfrastructure.POSTGRES_PASSWORD + ", databases "
                + String.join(", ", services.stream().map(SuiteService::database).toList()));
        row(out, "Kafka", kafkaBootstrapServers);
        row(out, "Mail", "SMTP 127.0.0.1:" + ports.smtp() + ", IMAP 127.0.0.1:" + ports.imap()
                + " (login and password: the recipient's address)");
        out.append('\n');

        out.append("Kredensial demo / Demo credentials\n");
        boolean any = false;
        for (SuiteService service : services) {
            List<String> lines = demoCredentials(service.demoCredentials(root));
            if (!lines.isEmpty()) {
                any = true;
                out.append("  ").append(service.module()).append('\n');
                lines.forEach(line -> out.append("    ").append(line).append('\n'));
            }
        }
        if (!any) {
            out.append("  (belum ada / none yet: a service lists its demo accounts in <module>/")
                    .append(SuiteService.DEMO_CREDENTIALS_FILE).append(")\n");
        }
        out.append('\n');
        out.append("Log: ./ikd logs <service|kafka|postgres>   (files in .ikd/logs)\n");
        out.append("Berhenti / Stop: Ctrl-C here, or ./ikd down from another terminal\n");
        System.out.print(out);
        System.out.flush();
    }

    /** The public host of deploy/routes.yaml that serves a service's pages. */
    private static String publicHostOf(SuiteService service) {
        return switch (service) {
            case VERIFICATION -> "portal";
            case ACTIVATION -> "aktivasi";
            case TOKEN -> "verifikasi";
            default -> "api";
        };
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("  %-42s %s%n", label, value));
    }

    /** The file's lines as written, without {@code #} comments and surrounding blank lines. */
    static List<String> demoCredentials(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("#"))
                    .map(String::stripTrailing)
                    .toList();
            int from = 0;
            int to = lines.size();
            while (from < to && lines.get(from).isBlank()) {
                from++;
            }
            while (to > from && lines.get(to - 1).isBlank()) {
                to--;
            }
            return lines.subList(from, to);
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
