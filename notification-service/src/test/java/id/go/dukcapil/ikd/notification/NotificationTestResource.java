package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import id.go.dukcapil.ikd.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What notification-service needs besides the suite's infrastructure: its own sealing key pair
 * (tests seal activation secrets with the public half, as activation-service would) and a real
 * HTTP SMS gateway (WireMock) that accepts every number except the ones meant to be refused.
 * Init arg {@code sms-bearer-token=false}: no bearer token configured, for profiles that test the
 * gateway's other credentials.
 */
public class NotificationTestResource implements QuarkusTestResourceLifecycleManager {

    /** The gateway answers 400 (invalid number) for this one. */
    public static final String INVALID_PHONE = "+628110000400";
    /** The gateway answers 503 once for this one, then accepts. */
    public static final String FLAKY_PHONE = "+628110000503";
    public static final String SMS_TOKEN = "sms-test-token";

    private WireMockServer wireMock;
    private boolean bearerToken = true;

    @Override
    public void init(Map<String, String> initArgs) {
        bearerToken = Boolean.parseBoolean(initArgs.getOrDefault("sms-bearer-token", "true"));
    }

    @Override
    public Map<String, String> start() {
        Path keys = generateSealingKeys();
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").port(FreePorts.next()));
        wireMock.start();
        wireMock.stubFor(post(urlEqualTo("/sms")).atPriority(10)
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"{{randomValue type='UUID'}}\"}")));
        wireMock.stubFor(post(urlEqualTo("/sms")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(INVALID_PHONE)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid number\"}")));
        wireMock.stubFor(post(urlEqualTo("/sms")).atPriority(1).inScenario("flaky gateway")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.to", equalTo(FLAKY_PHONE)))
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        wireMock.stubFor(post(urlEqualTo("/sms")).atPriority(1).inScenario("flaky gateway")
                .whenScenarioStateIs("recovered")
                .withRequestBody(matchingJsonPath("$.to", equalTo(FLAKY_PHONE)))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"flaky-1\"}")));
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "ikd.notification.sealing.private-key-location", keys.resolve("sealing-private.pem").toString(),
                "ikd.test.sealing.public-key-location", keys.resolve("sealing-public.pem").toString(),
                "ikd.notification.sms.url", wireMock.baseUrl() + "/sms",
                "ikd.test.wiremock-port", Integer.toString(wireMock.port())));
        if (bearerToken) {
            config.put("ikd.notification.sms.token", SMS_TOKEN);
        }
        return config;
    }

    @Override
    public void stop() {
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    private static Path generateSealingKeys() {
        try {
            Path dir = Files.createTempDirectory("ikd-notifier-keys-");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(dir.resolve("sealing-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve("sealing-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
