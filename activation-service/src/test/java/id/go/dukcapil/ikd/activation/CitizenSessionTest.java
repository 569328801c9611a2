package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.activation.crypto.AppPinHasher;
import id.go.dukcapil.ikd.crypto.Argon2id;
import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.activation.support.Journey;
import id.go.dukcapil.ikd.activation.support.JourneyTopics;
import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.web.PinProofKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** SOP step 6: a session needs the device's signature and the app PIN; and revocation. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class CitizenSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_PIN = "583920";

    @Inject
    Pool pool;

    @Inject
    AppPinHasher pinHasher;

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationAndIdentity();

    record Citizen(UUID registrationId, String nik, Device device) {
    }

    private Citizen activatedCitizen() {
        Device device = Device.generate();
        Journey.Approved approved = Journey.approve(topics.activation(), device, Journey.newNik());
        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(200);
        return new Citizen(approved.registrationId(), approved.nik(), device);
    }

    @Test
    void aSessionRequiresTheDeviceSignatureAndTheAppPin() throws Exception {
        Citizen citizen = activatedCitizen();

        // another phone's signature is refused, and the nonce is spent all the same
        String nonce = nonce(citizen.registrationId());
        openSession(nonce, Device.generate().sign(nonce), APP_PIN).statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("SESSION_REFUSED"));
        openSession(nonce, citizen.device().sign(nonce), APP_PIN).statusCode(401).body("code", equalTo("SESSION_REFUSED"));
        // a signature over something else is refused
        String other = nonce(citizen.registrationId());
        openSession(other, citizen.device().sign("not-the-nonce"), APP_PIN).statusCode(401);

        // trivial app PINs are refused when it is set
        for (String trivial : List.of("000000", "123456", "111111", "123123", "654321", "150890")) {
            String n = nonce(citizen.registrationId());
            openSession(n, citizen.device().sign(n), trivial).statusCode(422).body("code", equalTo("APP_PIN_TOO_SIMPLE"));
        }

        String first = nonce(citizen.registrationId());
        JsonNode session = json(openSession(first, citizen.device().sign(first), APP_PIN).statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(600))
                .body("refreshToken", notNullValue()));
        JsonNode claims = verifiedClaims(session.get("accessToken").asText(), "ikd-citizen+jwt");
        assertThat(claims.get("sub").asText()).isEqualTo(session.get("subject").asText());
        assertThat(claims.get("aud").toString()).contains("token-service");
        assertThat(claims.get("groups").toString()).contains("citizen");
        assertThat(claims.get("iss").asText()).isEqualTo(IkdTestResource.ISSUER);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);

        // later sessions check the PIN that was set
        String second = nonce(citizen.registrationId());
        openSession(second, citizen.device().sign(second), "583921").statusCode(401)
                .body("code", equalTo("APP_PIN_WRONG")).body("attemptsLeft", equalTo(4));
        String third = nonce(citizen.registrationId());
        openSession(third, citizen.device().sign(third), APP_PIN).statusCode(200);

        // sent again with its Idempotency-Key (the answer was lost), the same session, not SESSION_REFUSED
        String fourth = nonce(citizen.registrationId());
        String key = java.util.UUID.randomUUID().toString();
        String refreshToken = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("nonce", fourth, "deviceSignature", citizen.device().sign(fourth), "appPin", APP_PIN))
                .post("/api/v1/citizen/sessions").then().statusCode(200).extract().path("refreshToken");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("nonce", fourth, "deviceSignature", citizen.device().sign(fourth), "appPin", APP_PIN))
                .post("/api/v1/citizen/sessions").then().statusCode(200).body("refreshToken", equalTo(refreshToken));
        openSession(fourth, citizen.device().sign(fourth), APP_PIN).statusCode(401).body("code", equalTo("SESSION_REFUSED"));
    }

    @Test
    void aPinProofFollowsTheSuiteContract() throws Exception {
        Citizen citizen = activatedCitizen();
        JsonNode session = session(citizen);
        String accessToken = session.get("accessToken").asText();

        JsonNode answer = json(given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("appPin", APP_PIN)).post("/api/v1/citizen/pin-proofs").then().statusCode(200)
                .body("expiresIn", equalTo(60)));
        JsonNode proof = verifiedPinProofClaims(answer.get("pinProof").asText());
        assertThat(proof.get("sub").asText()).isEqualTo(session.get("subject").asText());
        assertThat(proof.get("aud").toString()).contains("token-service");
        assertThat(proof.get("jti").asText()).isNotBlank();
        assertThat(proof.get("exp").asLong() - proof.get("iat").asLong()).isEqualTo(60);

        given().contentType(ContentType.JSON).body(Map.of("appPin", APP_PIN)).post("/api/v1/citizen/pin-proofs")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(operatorToken()).contentType(ContentType.JSON).body(Map.of("appPin", APP_PIN))
                .post("/api/v1/citizen/pin-proofs").then().statusCode(403);
    }

    @Test
    void fiveWrongAppPinsLockIt() {
        Citizen citizen = activatedCitizen();
        String accessToken = session(citizen).get("accessToken").asText();
        for (int attemptsLeft = 4; attemptsLeft >= 1; attemptsLeft--) {
            pinProof(accessToken, "583921").statusCode(401).body("attemptsLeft", equalTo(attemptsLeft));
        }
        pinProof(accessToken, "583921").statusCode(423).body("code", equalTo("APP_PIN_LOCKED"));
        pinProof(accessToken, APP_PIN).statusCode(423).body("code", equalTo("APP_PIN_LOCKED"));
        String nonce = nonce(citizen.registrationId());
        openSession(nonce, citizen.device().sign(nonce), APP_PIN).statusCode(423);
    }

    @Test
    void theAppPinIsStoredAsAKeyedHashAndALegacyArgon2HashMigratesAtTheNextRightPin() {
        Citizen citizen = activatedCitizen();
        String accessToken = session(citizen).get("accessToken").asText();
        String keyed = storedAppPinHash(citizen);
        assertThat(keyed).startsWith("$hmac-sha256$k=" + pinHasher.currentKid() + "$").doesNotContain(APP_PIN);

        // as the service stored app PINs before the keyed hash
        String legacy = Argon2id.encode(APP_PIN, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
                Argon2id.Parameters.OWASP_MINIMUM);
        pool.preparedQuery("update identity set app_pin_hash = $1 where registration_id = $2")
                .execute(Tuple.of(legacy, citizen.registrationId())).await().atMost(Duration.ofSeconds(10));
        pinProof(accessToken, "583921").statusCode(401).body("attemptsLeft", equalTo(4));
        assertThat(storedAppPinHash(citizen)).as("a wrong PIN migrates nothing").isEqualTo(legacy);

        pinProof(accessToken, APP_PIN).statusCode(200);
        String migrated = storedAppPinHash(citizen);
        assertThat(migrated).startsWith("$hmac-sha256$k=" + pinHasher.currentKid() + "$").isNotEqualTo(keyed);
        // the migrated hash serves sessions, and the failure count was reset by the right PIN
        pinProof(accessToken, "583921").statusCode(401).body("attemptsLeft", equalTo(4));
        String nonce = nonce(citizen.registrationId());
        openSession(nonce, citizen.device().sign(nonce), APP_PIN).statusCode(200);
        assertThat(storedAppPinHash(citizen)).isEqualTo(migrated);
    }

    @Test
    void aBurstOfFiftyAppPinChecksIsAnsweredAndLegacyArgon2ChecksAreBounded() throws Exception {
        Citizen citizen = activatedCitizen();
        String accessToken = session(citizen).get("accessToken").asText();

        // keyed hash: every one of 50 concurrent right-PIN checks succeeds
        assertThat(burst(accessToken, 50)).containsOnlyKeys(200);

        // legacy Argon2id (19 MiB each): at most 2 run and 8 wait, the rest are told to come back
        pool.preparedQuery("update identity set app_pin_hash = $1 where registration_id = $2")
                .execute(Tuple.of(Argon2id.encode(APP_PIN, new byte[16], Argon2id.Parameters.OWASP_MINIMUM), citizen.registrationId()))
                .await().atMost(Duration.ofSeconds(10));
        Map<Integer, Long> answers = burst(accessToken, 50);
        assertThat(answers.keySet()).as("%s", answers).isSubsetOf(200, 503).contains(200);
        assertThat(storedAppPinHash(citizen)).startsWith("$hmac-sha256$k=");
        assertThat(burst(accessToken, 50)).as("migrated: no Argon2id any more").containsOnlyKeys(200);
    }

    /** {@code count} PIN-proof requests with the right app PIN at once; how many got which status. */
    private static Map<Integer, Long> burst(String accessToken, int count) throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(count);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    var response = pinProof(accessToken, APP_PIN).extract();
                    if (response.statusCode() == 503) {
                        assertThat(response.header("Retry-After")).isNotBlank();
                        assertThat(response.<String>path("code")).isEqualTo("SERVICE_BUSY");
                    }
                    return response.statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Long> counts = new java.util.TreeMap<>();
            for (var answer : answers) {
                counts.merge(answer.get(60, java.util.concurrent.TimeUnit.SECONDS), 1L, Long::sum);
            }
            return counts;
        } finally {
            threads.shutdownNow();
        }
    }

    private String storedAppPinHash(Citizen citizen) {
        return pool.preparedQuery("select app_pin_hash from identity where registration_id = $1")
                .execute(Tuple.of(citizen.registrationId())).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("app_pin_hash");
    }

    @Test
    void refreshTokensRotateAreDeviceBoundAndReuseEndsThemAll() {
        Citizen citizen = activatedCitizen();
        String refreshToken = session(citizen).get("refreshToken").asText();

        refresh(refreshToken, Device.generate().sign(refreshToken)).statusCode(401).body("code", equalTo("REFRESH_REFUSED"));
        String rotated = refresh(refreshToken, citizen.device().sign(refreshToken)).statusCode(200)
                .extract().path("refreshToken");
        assertThat(rotated).isNotEqualTo(refreshToken);

        refresh(refreshToken, citizen.device().sign(refreshToken)).statusCode(401); // reuse of the old one…
        refresh(rotated, citizen.device().sign(rotated)).statusCode(401); // …ends the rotated one too
    }

    @Test
    void theCitizenRevokesTheirIdentityWithTheAppPinOnce() {
        Citizen citizen = activatedCitizen();
        JsonNode session = session(citizen);
        String accessToken = session.get("accessToken").asText();

        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("appPin", "583921"))
                .post("/api/v1/citizen/identity/revocation").then().statusCode(401);
        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("appPin", APP_PIN))
                .post("/api/v1/citizen/identity/revocation").then().statusCode(200);
        pinProof(accessToken, APP_PIN).statusCode(403).body("code", equalTo("IDENTITY_NOT_ACTIVE"));

        List<ConsumerRecord<String, String>> revoked = revocationsOf(citizen.registrationId());
        assertThat(revoked).hasSize(1);
        assertThat(EventJson.read(revoked.get(0).value(), IdentityRevoked.class).reason())
                .isEqualTo(RevocationReason.CITIZEN_REQUEST);
        String nonce = nonce(citizen.registrationId());
        openSession(nonce, citizen.device().sign(nonce), APP_PIN).statusCode(401);
    }

    @Test
    void theCitizenSeesWhatIsHeldAboutTheirIdentityButNoSecret() {
        Citizen citizen = activatedCitizen();
        String accessToken = session(citizen).get("accessToken").asText();

        String body = given().auth().oauth2(accessToken).get("/api/v1/citizen/personal-data").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("ACTIVE"))
                .body("attributes.nik", equalTo(citizen.nik().substring(0, 6) + "********" + citizen.nik().substring(14)))
                .body("attributes.fullName", notNullValue())
                .body("deviceKeyThumbprint", notNullValue())
                .body("appPinSet", equalTo(true)).body("appPinLocked", equalTo(false))
                .body("sessions.size()", equalTo(1))
                .body("email", notNullValue()).body("office.name", notNullValue())
                .extract().asString();
        assertThat(body).doesNotContain(citizen.nik(), "appPinHash", "tokenHash", "$argon", "refreshToken");
        given().get("/api/v1/citizen/personal-data").then().statusCode(401);
        given().auth().oauth2(operatorToken()).get("/api/v1/citizen/personal-data").then().statusCode(403);
    }

    @Test
    void anOperatorRevokesByNikOnce() {
        Citizen citizen = activatedCitizen();
        String citizenToken = session(citizen).get("accessToken").asText();

        operatorRevocation(citizenToken, citizen.nik()).statusCode(403);
        operatorRevocation(operatorToken(), citizen.nik()).statusCode(200).body("identityId", notNullValue());
        operatorRevocation(operatorToken(), citizen.nik()).statusCode(404).body("code", equalTo("IDENTITY_NOT_FOUND"));
        // who revoked it, and at which office, stays on the identity
        var row = pool.preparedQuery("select revoked_by, revoked_by_office from identity where registration_id = $1")
                .execute(Tuple.of(citizen.registrationId())).await().atMost(Duration.ofSeconds(10))
                .iterator().next();
        assertThat(row.getString("revoked_by")).isEqualTo("op-7f3a");
        assertThat(row.getString("revoked_by_office")).isEqualTo("3204-DISDUKCAPIL");

        List<ConsumerRecord<String, String>> revoked = revocationsOf(citizen.registrationId());
        assertThat(revoked).hasSize(1);
        assertThat(EventJson.read(revoked.get(0).value(), IdentityRevoked.class).reason())
                .isEqualTo(RevocationReason.OPERATOR);
        pinProof(citizenToken, APP_PIN).statusCode(403);
    }

    private List<ConsumerRecord<String, String>> revocationsOf(UUID registrationId) {
        Predicate<ConsumerRecord<String, String>> match = TopicProbe.ofType(EventType.of(IdentityRevoked.class).type())
                .and(record -> registrationId.toString().equals(record.key()));
        topics.identity().await(match, Duration.ofSeconds(30));
        return topics.identity().collect(match, Duration.ofSeconds(2));
    }

    private JsonNode session(Citizen citizen) {
        String nonce = nonce(citizen.registrationId());
        return json(openSession(nonce, citizen.device().sign(nonce), APP_PIN).statusCode(200));
    }

    private static String nonce(UUID registrationId) {
        return given().contentType(ContentType.JSON).body(Map.of("registrationId", registrationId.toString()))
                .post("/api/v1/citizen/session-challenges").then().statusCode(200).extract().path("nonce");
    }

    private static ValidatableResponse openSession(String nonce, String signature, String appPin) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("nonce", nonce, "deviceSignature", signature, "appPin", appPin))
                .post("/api/v1/citizen/sessions").then();
    }

    private static ValidatableResponse refresh(String refreshToken, String signature) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken, "deviceSignature", signature))
                .post("/api/v1/citizen/sessions/refresh").then();
    }

    private static ValidatableResponse pinProof(String accessToken, String appPin) {
        return given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("appPin", appPin))
                .post("/api/v1/citizen/pin-proofs").then();
    }

    private static ValidatableResponse operatorRevocation(String token, String nik) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nik", nik, "reason", "OPERATOR"))
                .post("/api/v1/operator/identity-revocations").then();
    }

    /** An operator token as verification-service issues it (suite key, aud ikd). */
    private static String operatorToken() {
        return Jwt.subject("op-7f3a").audience("ikd").groups(Set.of("operator")).claim("office", "3204-DISDUKCAPIL")
                .expiresIn(600).jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .type(id.go.dukcapil.ikd.web.BearerTokenTypes.OPERATOR).sign();
    }

    /** Checks the ES256 signature with the suite public key and the {@code typ}; returns the claims. */
    private static JsonNode verifiedClaims(String compact, String expectedType) throws Exception {
        String location = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        String pem = Files.readString(Path.of(java.net.URI.create(location)));
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""))));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
        jws.setCompactSerialization(compact);
        jws.setKey(key);
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getHeader("typ")).isEqualTo(expectedType);
        return JSON.readTree(jws.getPayload().getBytes(StandardCharsets.UTF_8));
    }

    /** HS256 with the PIN-proof key shared with token-service, named by its kid; nothing else verifies. */
    private static JsonNode verifiedPinProofClaims(String compact) throws Exception {
        PinProofKeys keys = PinProofKeys.of(ConfigProvider.getConfig().unwrap(io.smallrye.config.SmallRyeConfig.class)
                .getConfigMapping(PinProofKeys.Config.class));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.HMAC_SHA256));
        jws.setCompactSerialization(compact);
        jws.setKey(keys.currentKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getHeader("typ")).isEqualTo("ikd-pin-proof+jwt");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(keys.currentKid());
        assertThat(keys.acceptedKey(jws.getKeyIdHeaderValue())).contains(keys.currentKey());
        return JSON.readTree(jws.getPayload().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(ValidatableResponse response) {
        try {
            return JSON.readTree(response.extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
