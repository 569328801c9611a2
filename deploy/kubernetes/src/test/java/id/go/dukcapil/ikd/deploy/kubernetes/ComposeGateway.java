package id.go.dukcapil.ikd.deploy.kubernetes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Caddyfile of deploy/compose, derived from deploy/routes.yaml: one site per host on its
 * local port, each route a handle block, longest path first (as Gateway API picks the longest
 * prefix), prefixes matched by whole segments, streams flushed at once. ComposeTest compares the
 * committed file with this text; regenerate by copying target/Caddyfile.expected.
 */
final class ComposeGateway {

    /** The services' ports inside the Compose network (their contract ports). */
    static final Map<String, Integer> PORTS = Map.of("registration-service", 8081, "verification-service", 8082,
            "activation-service", 8083, "token-service", 8084, "notification-service", 8085);

    private ComposeGateway() {
    }

    static String caddyfile(RouteTable table, Map<String, Integer> localPorts) {
        StringBuilder out = new StringBuilder("""
                # Generated from deploy/routes.yaml (ComposeGateway.java); ComposeTest fails when they differ.
                # One site per public host, on the host's local-port; nothing else is routed.
                {
                \tauto_https off
                \tadmin off
                }
                """);
        for (RouteTable.Host host : table.hosts()) {
            out.append("\n# ").append(host.name()).append(": ").append(host.hostname()).append('\n');
            out.append(":").append(localPorts.get(host.name())).append(" {\n");
            List<RouteTable.Route> routes = host.routes().stream()
                    .sorted(Comparator.comparingInt((RouteTable.Route r) -> r.path().length()).reversed()).toList();
            int i = 0;
            for (RouteTable.Route route : routes) {
                String matcher = route.match().equals("exact") ? route.path() : route.path() + " " + route.path() + "/*";
                out.append("\t@r").append(i).append(" path ").append(matcher).append('\n');
                out.append("\thandle @r").append(i).append(" {\n");
                out.append("\t\treverse_proxy ").append(route.service()).append(':').append(PORTS.get(route.service()));
                if (route.stream()) {
                    out.append(" {\n\t\t\tflush_interval -1\n\t\t}\n");
                } else {
                    out.append('\n');
                }
                out.append("\t}\n");
                i++;
            }
            out.append("\thandle {\n\t\trespond 404\n\t}\n}\n");
        }
        return out.toString();
    }
}
