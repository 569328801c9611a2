package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import id.go.dukcapil.ikd.events.CounterCodeIssued;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/** Publishes what registration-service would, and signs in the demo accounts. */
final class TestSupport {

    static final String DEMO_PASSWORD = "Demo-IKD-2026!";
    static final String DEVICE_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSupport() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String login(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", DEMO_PASSWORD))
                .post("/api/v1/operator/sessions")
                .then().statusCode(200).extract().path("accessToken");
    }

    static String shortCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A registration as registration-service announces it: RegistrationSubmitted plus its first counter code. */
    record Registration(UUID registrationId, UUID codeId, String shortCode, Instant expiresAt, int sequence) {
    }

    static Registration submit(String nik) {
        return submit(nik, null);
    }

    static Registration submit(String nik, UUID supersedes) {
        UUID registrationId = UUID.randomUUID();
        Instant now = Instant.now();
        publish(new RegistrationSubmitted(registrationId, nik, "warga+" + registrationId + "@example.id", "+6281234567890",
                "id", DEVICE_JWK, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", "UNUSED", "a".repeat(64), now,
                supersedes));
        return newCode(registrationId, 1, now.plus(Duration.ofMinutes(10)));
    }

    static Registration newCode(UUID registrationId, int sequence, Instant expiresAt) {
        Registration code = issueWithoutEvent(registrationId, sequence, expiresAt);
        publish(new CounterCodeIssued(registrationId, code.codeId(), code.shortCode(), sequence,
                expiresAt.minus(Duration.ofMinutes(10)), expiresAt));
        return code;
    }

    /**
     * What registration-service does when the app asks for a new code, up to its commit: the new
     * code is the current one there (the stub answers so) while its CounterCodeIssued is still
     * on the way; the caller publishes it, late, or never.
     */
    static Registration issueWithoutEvent(UUID registrationId, int sequence, Instant expiresAt) {
        UUID codeId = UUID.randomUUID();
        RegistrationServiceStub.codeIssued(registrationId, codeId, sequence);
        return new Registration(registrationId, codeId, shortCode(), expiresAt, sequence);
    }

    static void publishIssued(Registration code) {
        publish(new CounterCodeIssued(code.registrationId(), code.codeId(), code.shortCode(), code.sequence(),
                code.expiresAt().minus(Duration.ofMinutes(10)), code.expiresAt()));
    }

    static void publish(IkdEvent event) {
        publish(event, UUID.randomUUID().toString());
    }

    static void publish(IkdEvent event, String eventId) {
        EventType type = EventType.of(event.getClass());
        TopicProbe.publish(bootstrap(), type.topic(), event.partitionKey(), EventJson.write(event), Map.of(
                "ce_id", eventId,
                "ce_type", type.type(),
                "ce_specversion", "1.0",
                "ce_source", "/ikd/registration-service",
                "content-type", "application/json"));
    }

    /** The counter QR payload as registration-service signs it. */
    static String counterJws(Registration registration, Instant expiresAt) {
        return Jwt.issuer("https://ikd.dukcapil.go.id")
                .subject(registration.registrationId().toString())
                .claim("jti", registration.codeId().toString())
                .claim("sc", registration.shortCode())
                .claim("seq", registration.sequence())
                .issuedAt(expiresAt.minus(Duration.ofMinutes(10)))
                .expiresAt(expiresAt)
                .jws().header("typ", "ikd-counter+jwt")
                .sign();
    }

}
