package id.go.dukcapil.ikd.local.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * {@code deploy/routes.yaml}, the one route table of public hosts and paths, as the local gateway
 * uses it: per host its local port and routes; a path is matched as Gateway API matches it
 * (exact, or a prefix of whole path segments; the longest match wins).
 */
public record RouteTable(Map<String, Host> hosts) {

    public static final String FILE = "deploy/routes.yaml";

    public enum Match {
        EXACT, PREFIX
    }

    public record Route(String path, Match match, SuiteService service, boolean stream) {

        /** True when this route answers {@code path} (no query string). */
        public boolean matches(String requestPath) {
            if (match == Match.EXACT) {
                return requestPath.equals(path);
            }
            return requestPath.equals(path) || path.equals("/")
                    || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
        }
    }

    public record Host(String name, String hostname, int localPort, List<Route> routes) {

        /** The route that answers {@code path}: the longest matching one. */
        public Optional<Route> route(String path) {
            return routes.stream().filter(route -> route.matches(path))
                    .max(Comparator.comparingInt(route -> route.path().length()));
        }
    }

    public RouteTable {
        hosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }

    public static RouteTable ofProject(Path projectRoot) {
        return read(projectRoot.resolve(FILE));
    }

    public static RouteTable read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the route table " + file, e);
        }
        Map<String, Host> hosts = new LinkedHashMap<>();
        root.path("hosts").properties().forEach(entry -> {
            JsonNode host = entry.getValue();
            List<Route> routes = new ArrayList<>();
            for (JsonNode route : host.path("routes")) {
                routes.add(new Route(route.path("path").asText(),
                        Match.valueOf(route.path("match").asText("prefix").toUpperCase()),
                        service(route.path("service").asText(), file), route.path("stream").asBoolean(false)));
            }
            int localPort = host.path("local-port").asInt(0);
            if (localPort <= 0) {
                throw new IllegalStateException("host " + entry.getKey() + " in " + file + " has no local-port");
            }
            hosts.put(entry.getKey(), new Host(entry.getKey(), host.path("hostname").asText(), localPort,
                    List.copyOf(routes)));
        });
        if (hosts.isEmpty()) {
            throw new IllegalStateException("no hosts in " + file);
        }
        return new RouteTable(hosts);
    }

    public Host host(String name) {
        Host host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no host " + name + " in the route table (hosts: " + hosts.keySet() + ")");
        }
        return host;
    }

    private static SuiteService service(String module, Path file) {
        for (SuiteService service : SuiteService.values()) {
            if (service.module().equals(module)) {
                return service;
            }
        }
        throw new IllegalStateException("unknown service " + module + " in " + file);
    }
}
