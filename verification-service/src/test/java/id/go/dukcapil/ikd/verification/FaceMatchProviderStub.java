package id.go.dukcapil.ikd.verification;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for a remote face-match provider (a national biometric service or a vendor's API): the
 * service is configured with {@code provider=remote}, this server's URL, an API key and a short timeout.
 * Each test stubs the answer it needs.
 */
public class FaceMatchProviderStub implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "ikd.test.face-match-stub-port";
    static final String API_KEY = "test-face-match-key";
    static final String PATH = "/v1/face/compare";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("ikd.verification.face-match.provider", "remote",
                "ikd.verification.face-match.url", "http://127.0.0.1:" + server.port() + PATH,
                "ikd.verification.face-match.api-key", API_KEY,
                "ikd.verification.face-match.timeout", "1s",
                PORT_PROPERTY, Integer.toString(server.port()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
