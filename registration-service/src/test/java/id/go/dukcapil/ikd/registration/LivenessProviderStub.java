package id.go.dukcapil.ikd.registration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * WireMock standing in for a remote liveness provider (Dukcapil's biometric service or a vendor),
 * and the profile that selects it: provider {@code remote}, a short timeout, an API key, and the
 * moving selfie required, as in production.
 */
public class LivenessProviderStub implements QuarkusTestResourceLifecycleManager {

    static final String PATH = "/v1/liveness";
    static final String API_KEY = "test-provider-key";
    static final String PORT_PROPERTY = "ikd.test.liveness-stub-port";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.port()));
        return Map.of("ikd.registration.selfie.liveness.remote.url", "http://127.0.0.1:" + server.port() + PATH);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The remote provider, with the moving selfie required. */
    public static class RemoteProvider implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.registration.selfie.liveness.provider", "remote",
                    "ikd.registration.selfie.liveness.remote.timeout", "PT1S",
                    "ikd.registration.selfie.liveness.remote.api-key", API_KEY,
                    "ikd.registration.selfie.liveness-required", "true");
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(LivenessProviderStub.class));
        }
    }
}
