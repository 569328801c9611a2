package id.go.dukcapil.ikd.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/routes.yaml against what the services really serve (their packaged applications):
 * every route reaches something its service serves, every served path is either routed (on some
 * host, to that service, with no longer prefix of another service shadowing it) or deliberately
 * internal, as listed here.
 */
class RouteCoverageTest {

    /**
     * Served but never public, on purpose: the admin APIs (operators reach them inside the
     * cluster, docs/operations.md), the registry photos (suite services only), notification-service as a whole, and Quarkus's /q/* (health,
     * metrics, OpenAPI; not JAX-RS resources, so not listed by ServedPaths anyway).
     */
    static final Map<String, List<String>> INTERNAL = Map.of(
            // registry photos: for activation-service and token-service only, with a photo grant (issue 19)
            "verification-service", List.of("/api/v1/admin", "/api/v1/registry-photos"),
            "token-service", List.of("/api/v1/admin"),
            "notification-service", List.of("/"));

    private static final Map<String, Set<String>> SERVED = new TreeMap<>();

    @BeforeAll
    static void readTheApplications() {
        Project.SERVICES.forEach(service -> SERVED.put(service, ServedPaths.of(service)));
    }

    @Test
    void theApplicationsAreRead() {
        // guards the reading itself: a known page, asset and API of each public service
        assertThat(SERVED.get("activation-service")).contains("/static/activation/captcha.js", "/activate");
        assertThat(SERVED.get("token-service")).contains("/verify", "/verify.js", "/vendor/jsqr/jsQR.js", "/.well-known/jwks.json");
        assertThat(SERVED.get("verification-service")).contains("/static/portal/scan.js", "/vendor/jsqr/jsQR.js").noneMatch(p -> p.startsWith("/api/v1/registrations"));
        assertThat(SERVED.get("registration-service")).contains("/app/index.html", "/app/config.json");
        assertThat(SERVED.get("activation-service")).anyMatch(p -> p.startsWith("/api/v1/operator/identity-revocations"));
        assertThat(SERVED.get("token-service")).anyMatch(p -> p.startsWith("/api/v1/admin/"));
    }

    @Test
    void everyRouteReachesSomethingItsServiceServes() {
        List<String> dead = new ArrayList<>();
        for (RouteTable.Route route : Manifests.routeTable().routes()) {
            if (SERVED.get(route.service()).stream().noneMatch(path -> matches(route, path))) {
                dead.add(route.host() + " " + route.path() + " -> " + route.service());
            }
        }
        assertThat(dead).as("routes to nothing the service serves").isEmpty();
    }

    @Test
    void everyServedPathIsRoutedToItsServiceOrDeliberatelyInternal() {
        assertThat(unrouted(Manifests.routeTable())).isEmpty();
    }

    @Test
    void aPathTheTableLeavesOutOrSendsElsewhereIsCaught() {
        // negative controls: the old Ingress's two defects, planted into a copy of the table
        RouteTable table = Manifests.routeTable();
        RouteTable withoutCaptcha = new RouteTable(table.hosts().stream().map(host -> new RouteTable.Host(host.name(), host.hostname(),
                host.routes().stream().filter(r -> !r.path().equals("/static/activation")).toList())).toList());
        assertThat(unrouted(withoutCaptcha)).contains("activation-service serves /static/activation/captcha.js, which no host routes to it");
        RouteTable shadowed = new RouteTable(table.hosts().stream().map(host -> new RouteTable.Host(host.name(), host.hostname(),
                host.routes().stream().filter(r -> !r.path().equals("/api/v1/operator/identity-revocations")).toList())).toList());
        assertThat(unrouted(shadowed)).anyMatch(p -> p.startsWith("activation-service serves /api/v1/operator/identity-revocations"));
    }

    private static List<String> unrouted(RouteTable table) {
        List<String> problems = new ArrayList<>();
        SERVED.forEach((service, paths) -> {
            for (String path : paths) {
                if (INTERNAL.getOrDefault(service, List.of()).stream().anyMatch(prefix -> underPrefix(prefix, path))) {
                    continue;
                }
                boolean routedHere = false;
                for (RouteTable.Host host : table.hosts()) {
                    // the longest matching route of the host wins, as in Gateway API
                    Optional<RouteTable.Route> winner = host.routes().stream().filter(r -> matches(r, path))
                            .max(Comparator.comparingInt(r -> r.path().length()));
                    routedHere |= winner.isPresent() && winner.get().service().equals(service);
                }
                if (!routedHere) {
                    problems.add(service + " serves " + path + ", which no host routes to it");
                }
            }
        });
        return problems;
    }

    @Test
    void theInternalPathsAreNotRouted() {
        List<String> leaks = new ArrayList<>();
        INTERNAL.forEach((service, prefixes) -> {
            for (String path : SERVED.get(service)) {
                if (prefixes.stream().anyMatch(prefix -> underPrefix(prefix, path))) {
                    for (RouteTable.Host host : Manifests.routeTable().hosts()) {
                        host.routes().stream().filter(r -> matches(r, path) && r.service().equals(service))
                                .forEach(r -> leaks.add(host.hostname() + " routes internal " + path + " of " + service));
                    }
                }
            }
        });
        assertThat(leaks).isEmpty();
    }

    /** Gateway API matching: exact, or a prefix of whole segments; a {param} segment matches any one segment. */
    static boolean matches(RouteTable.Route route, String servedPath) {
        String concrete = servedPath.replaceAll("\\{[^}]+}", "x");
        return route.match().equals("exact") ? concrete.equals(route.path()) : underPrefix(route.path(), concrete);
    }

    private static boolean underPrefix(String prefix, String path) {
        return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
