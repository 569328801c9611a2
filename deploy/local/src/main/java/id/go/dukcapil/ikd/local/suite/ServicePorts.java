package id.go.dukcapil.ikd.local.suite;

import java.util.EnumMap;
import java.util.Map;

import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * The HTTP port of each service. {@link #standard()} are the contract ports {@code ./ikd up} uses
 * (8081–8085); test suites take {@link #free()} ones, so that two suites (the journey tests and
 * the hostile-load tests, or a test and a running {@code ./ikd up}) never clash.
 */
public record ServicePorts(Map<SuiteService, Integer> ports) {

    public ServicePorts {
        ports = Map.copyOf(ports);
    }

    public static ServicePorts standard() {
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, service.port());
        }
        return new ServicePorts(ports);
    }

    public static ServicePorts free() {
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, FreePorts.next());
        }
        return new ServicePorts(ports);
    }

    public int of(SuiteService service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + service.module());
        }
        return port;
    }

    /** What a browser on this machine opens (the links in mails and pages use it too). */
    public String baseUrl(SuiteService service) {
        return "http://localhost:" + of(service);
    }
}
