package id.go.dukcapil.ikd.token;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.token.crypto.CompactJws;
import id.go.dukcapil.ikd.token.crypto.EcKeys;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import id.go.dukcapil.ikd.web.PinProofKeys;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/** Citizens, PIN proofs, relying parties and admins as the rest of the suite would make them. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NIK = "3201014501900001";

    private Fixtures() {
    }

    /** An activated identity, delivered through Kafka like activation-service does. */
    record Citizen(UUID identityId, UUID registrationId, String subject) {
    }

    static Citizen activatedCitizen() {
        Citizen citizen = new Citizen(UUID.randomUUID(), UUID.randomUUID(), "sub-" + UUID.randomUUID());
        publish(activated(citizen, Instant.now()));
        awaitMintable(citizen);
        return citizen;
    }

    static IdentityActivated activated(Citizen citizen, Instant at) {
        VerifiedAttributes attributes = new VerifiedAttributes(NIK, "SITI AMINAH", "BANDUNG", LocalDate.of(1990, 1, 5),
                "PEREMPUAN", "JL. MERDEKA NO. 1", "003/007", "CIBEUNYING", "32.01.01", "CIBINONG", "KABUPATEN BOGOR",
                "JAWA BARAT", "ISLAM", "KAWIN", "KARYAWAN SWASTA", "WNI", "PRINTED",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        return new IdentityActivated(citizen.identityId(), citizen.registrationId(), citizen.subject(), attributes,
                "thumbprint", at, "siti@example.id", "+6281234567890", "id", office());
    }

    static IdentityRevoked revoked(Citizen citizen) {
        return new IdentityRevoked(citizen.identityId(), citizen.registrationId(), citizen.subject(),
                RevocationReason.CITIZEN_REQUEST, null, Instant.now(), "siti@example.id", "+6281234567890", "id",
                office());
    }

    static void publish(IkdEvent event) {
        EventType type = event.eventType();
        TopicProbe.publish(bootstrap(), Topics.IDENTITY, event.partitionKey(), EventJson.write(event), Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", type.type(), "ce_source", "/ikd/activation-service",
                "ce_specversion", "1.0", "content-type", "application/json"));
    }

    /** Waits until the projection lets this citizen mint (each try spends one fresh PIN proof). */
    static void awaitMintable(Citizen citizen) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> mintRequest(citizen.subject(), pinProof(citizen.subject())).statusCode() == 201);
    }

    static io.restassured.response.Response mintRequest(String subject, String pinProof) {
        return given().auth().oauth2(citizenJwt(subject)).contentType(ContentType.JSON)
                .body(Map.of("pinProof", pinProof)).post("/api/v1/qr-tokens");
    }

    /** Mints a QR token for the citizen and returns the compact JWS. */
    static String mint(Citizen citizen) {
        return mint(citizen, Duration.ZERO);
    }

    /** Mints while the service's clock runs {@code clockOffset} ahead: the PIN proof is issued in that time too. */
    static String mint(Citizen citizen, Duration clockOffset) {
        String proof = pinProof(citizen.subject(), "ikd-pin-proof+jwt", Instant.now().plus(clockOffset).plusSeconds(60));
        return mintRequest(citizen.subject(), proof).then().statusCode(201).extract().path("token");
    }

    static String citizenJwt(String subject) {
        return Jwt.issuer(IkdTestResource.ISSUER).subject(subject).audience("token-service").groups("citizen")
                .expiresIn(600).jws().type(BearerTokenTypes.CITIZEN).sign();
    }

    static String adminJwt() {
        return Jwt.issuer(IkdTestResource.ISSUER).subject("admin-1").audience("ikd").groups("admin").expiresIn(600)
                .jws().type(BearerTokenTypes.OPERATOR).sign();
    }

    /** A relying party's access token with {@code scope}; registers the client first (an existing one is kept). */
    static String verifierJwt(String clientId, String scope) {
        given().auth().oauth2(adminJwt()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Test client", "scopes", java.util.List.of("ikd.name")))
                .post("/api/v1/admin/relying-parties").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        return Jwt.issuer(IkdTestResource.ISSUER).subject(clientId).audience("token-service").groups("verifier")
                .claim("scope", scope).expiresIn(600).jws().type(BearerTokenTypes.VERIFIER).sign();
    }

    static String pinProof(String subject) {
        return pinProof(subject, "ikd-pin-proof+jwt", Instant.now().plusSeconds(60));
    }

    /** A PIN proof as activation-service issues it: compact JWS, HS256 with the shared PIN-proof key. */
    static String pinProof(String subject, String typ, Instant expiresAt) {
        return pinProof(subject, typ, expiresAt, pinProofKeys().currentKid(), pinProofKeys().currentKey());
    }

    static String pinProof(String subject, String typ, Instant expiresAt, String kid, javax.crypto.SecretKey key) {
        return Jwt.issuer(IkdTestResource.ISSUER).subject(subject).audience("token-service")
                .claim("jti", UUID.randomUUID().toString()).issuedAt(Instant.now()).expiresAt(expiresAt)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256).keyId(kid).type(typ).sign(key);
    }

    /** The PIN-proof key of the test profile (platform/web's %test default). */
    static PinProofKeys pinProofKeys() {
        return PinProofKeys.of(ConfigProvider.getConfig().unwrap(io.smallrye.config.SmallRyeConfig.class)
                .getConfigMapping(PinProofKeys.Config.class));
    }

    static PrivateKey suitePrivateKey() {
        String location = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class);
        try {
            String pem = Files.readString(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return EcKeys.privateKey(Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static JsonNode header(String jws) {
        return part(jws, 0);
    }

    static JsonNode claims(String jws) {
        return part(jws, 1);
    }

    private static JsonNode part(String jws, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static OfficeContact office() {
        return new OfficeContact("3201-DISDUKCAPIL", "Disdukcapil Kabupaten Bogor", null, null, null, null, null);
    }
}
