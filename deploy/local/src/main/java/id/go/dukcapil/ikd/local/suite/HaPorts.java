package id.go.dukcapil.ikd.local.suite;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.go.dukcapil.ikd.local.gateway.RouteTable;
import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * The ports the HA topology adds to the single one. {@link #standard(RouteTable)} for
 * {@code ./ikd up --ha}: brokers 19092–19094, replica n of a service on {@code 8n8x}
 * (8181–8185, 8281–8285), the gateway's public hosts on their {@code local-port} of
 * deploy/routes.yaml (8480–8483), and its per-service ports on the contract ports 8081–8085 (so
 * what calls a service there reaches its replicas). {@link #free(RouteTable)} for tests ({@link FreePorts}: below the ephemeral range).
 */
public record HaPorts(List<Integer> brokers, Map<SuiteService, List<Integer>> replicas, Map<String, Integer> hosts,
        ServicePorts services) {

    public HaPorts {
        brokers = List.copyOf(brokers);
        Map<SuiteService, List<Integer>> copy = new EnumMap<>(SuiteService.class);
        replicas.forEach((service, ports) -> copy.put(service, List.copyOf(ports)));
        replicas = java.util.Collections.unmodifiableMap(copy);
        hosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }

    public static HaPorts standard(RouteTable routes) {
        Map<SuiteService, List<Integer>> replicas = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            List<Integer> ports = new ArrayList<>();
            for (int replica = 1; replica <= Topology.HA.replicas(); replica++) {
                ports.add(service.port() + replica * 100); // 8081 -> 8181, 8281
            }
            replicas.put(service, ports);
        }
        Map<String, Integer> hosts = new LinkedHashMap<>();
        routes.hosts().values().forEach(host -> hosts.put(host.name(), host.localPort()));
        return new HaPorts(List.of(19092, 19093, 19094), replicas, hosts, ServicePorts.standard());
    }

    public static HaPorts free(RouteTable routes) {
        Map<SuiteService, List<Integer>> replicas = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            List<Integer> ports = new ArrayList<>();
            for (int replica = 1; replica <= Topology.HA.replicas(); replica++) {
                ports.add(FreePorts.next());
            }
            replicas.put(service, ports);
        }
        Map<String, Integer> hosts = new LinkedHashMap<>();
        routes.hosts().keySet().forEach(host -> hosts.put(host, FreePorts.next()));
        List<Integer> brokers = new ArrayList<>();
        for (int i = 0; i < Topology.HA.brokers(); i++) {
            brokers.add(FreePorts.next());
        }
        Map<SuiteService, Integer> services = new java.util.EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            services.put(service, FreePorts.next());
        }
        return new HaPorts(brokers, replicas, hosts, new ServicePorts(services));
    }

    /** Host name of the route table to the gateway's base URL, e.g. {@code api -> http://localhost:8480}. */
    public Map<String, String> publicUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        hosts.forEach((host, port) -> urls.put(host, "http://localhost:" + port));
        return urls;
    }

    /** Every port with what listens on it (for the port check of {@code ./ikd up --ha}). */
    public Map<String, Integer> byComponent() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < brokers.size(); i++) {
            ports.put("Kafka broker " + (i + 1), brokers.get(i));
        }
        hosts.forEach((host, port) -> ports.put("gateway " + host, port));
        for (SuiteService service : SuiteService.values()) {
            ports.put("gateway → " + service.module(), services.of(service));
            List<Integer> ports2 = replicas.get(service);
            for (int i = 0; i < ports2.size(); i++) {
                ports.put(ServiceProcess.replicaName(service, i + 1), ports2.get(i));
            }
        }
        return ports;
    }
}
