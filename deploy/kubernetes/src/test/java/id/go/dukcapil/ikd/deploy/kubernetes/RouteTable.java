package id.go.dukcapil.ikd.deploy.kubernetes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** deploy/routes.yaml: THE route table of public hosts and paths (read its header). */
record RouteTable(List<Host> hosts) {

    record Route(String host, String path, String match, String service, boolean stream) {
    }

    record Host(String name, String hostname, List<Route> routes) {
    }

    static RouteTable read(Path file) {
        JsonNode root = Kustomize.readAll(file).getFirst();
        List<Host> hosts = new ArrayList<>();
        root.path("hosts").properties().forEach(host -> {
            String hostname = host.getValue().path("hostname").asText();
            List<Route> routes = new ArrayList<>();
            for (JsonNode route : host.getValue().path("routes")) {
                routes.add(new Route(hostname, route.path("path").asText(), route.path("match").asText(),
                        route.path("service").asText(), route.path("stream").asBoolean(false)));
            }
            hosts.add(new Host(host.getKey(), hostname, List.copyOf(routes)));
        });
        return new RouteTable(List.copyOf(hosts));
    }

    List<Route> routes() {
        return hosts.stream().flatMap(host -> host.routes().stream()).toList();
    }
}
