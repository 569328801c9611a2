package id.go.dukcapil.ikd.verification;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for registration-service during tests: its selfie endpoint (unstubbed requests get
 * WireMock's 404, i.e. "no selfie", which the portal must survive) and its answer to "is this
 * counter code current?", kept as registration-service keeps it: the last code issued for a
 * registration is current, every earlier one is not ({@link #codeIssued}).
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

    private static final Map<UUID, List<UUID>> CODES = new ConcurrentHashMap<>();

    /** registration-service issued {@code codeId}: it is now the registration's current code. */
    static void codeIssued(UUID registrationId, UUID codeId, int sequence) {
        WireMock wireMock = new WireMock("127.0.0.1", Integer.getInteger(PORT_PROPERTY));
        List<UUID> codes = CODES.computeIfAbsent(registrationId, id -> new CopyOnWriteArrayList<>());
        synchronized (codes) {
            for (UUID older : codes) {
                wireMock.register(codeStatus(registrationId, older, false, sequence));
            }
            codes.add(codeId);
            wireMock.register(codeStatus(registrationId, codeId, true, sequence));
        }
    }

    private static MappingBuilder codeStatus(UUID registrationId, UUID codeId, boolean current, int sequence) {
        return WireMock.get(WireMock.urlPathEqualTo("/api/v1/registrations/" + registrationId + "/counter-codes/" + codeId))
                .willReturn(WireMock.okJson("{\"registrationId\":\"" + registrationId + "\",\"codeId\":\"" + codeId
                        + "\",\"current\":" + current + ",\"currentSequence\":" + sequence + ",\"pending\":true}"));
    }

    /** registration-service cannot answer for this registration's codes. */
    static void unavailableFor(UUID registrationId) {
        new WireMock("127.0.0.1", Integer.getInteger(PORT_PROPERTY)).register(
                WireMock.get(WireMock.urlPathMatching("/api/v1/registrations/" + registrationId + "/counter-codes/.*"))
                        .atPriority(1).willReturn(WireMock.serviceUnavailable()));
    }

    /**
     * The next request for this registration's codes meets a connection reset before any answer
     * (a registration-service replica dying under it); later ones are answered as before.
     */
    static void resetOnceFor(UUID registrationId) {
        new WireMock("127.0.0.1", Integer.getInteger(PORT_PROPERTY)).register(
                WireMock.get(WireMock.urlPathMatching("/api/v1/registrations/" + registrationId + "/counter-codes/.*"))
                        .atPriority(1).inScenario("reset-once-" + registrationId)
                        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("reset")
                        .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Requests registration-service got for this registration's codes. */
    static int codeRequests(UUID registrationId) {
        return new WireMock("127.0.0.1", Integer.getInteger(PORT_PROPERTY)).find(WireMock.getRequestedFor(
                WireMock.urlPathMatching("/api/v1/registrations/" + registrationId + "/counter-codes/.*"))).size();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
