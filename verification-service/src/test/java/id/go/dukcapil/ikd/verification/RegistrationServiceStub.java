package id.go.dukcapil.ikd.verification;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for registration-service (its selfie endpoint) during tests; unstubbed requests get
 * WireMock's 404, i.e. "no selfie", which the portal must survive.
 */
public class RegistrationServiceStub implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "ikd.test.registration-stub-port";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.port()));
        return Map.of("ikd.verification.registration-url", "http://127.0.0.1:" + server.port(),
                PORT_PROPERTY, Integer.toString(server.port()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
