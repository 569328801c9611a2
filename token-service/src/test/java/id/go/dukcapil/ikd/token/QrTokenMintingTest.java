package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.citizenJwt;
import static id.go.dukcapil.ikd.token.Fixtures.mintRequest;
import static id.go.dukcapil.ikd.token.Fixtures.pinProof;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.upokecenter.cbor.CBORObject;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import id.go.dukcapil.ikd.token.qr.Chromium;
import id.go.dukcapil.ikd.token.qr.QrCodes;
import id.go.dukcapil.ikd.token.qr.Zbarimg;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** SOP step 7 against real PostgreSQL and Kafka: who gets a QR token, and what it looks like. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class QrTokenMintingTest {

    @Test
    void activeCitizenWithFreshPinProofGetsA90SecondCredentialWhoseQrDecodesToIt() throws Exception {
        Citizen citizen = activatedCitizen();
        ExtractableResponse<Response> response = mintRequest(citizen.subject(), pinProof(citizen.subject()))
                .then().statusCode(201).header("Cache-Control", "no-store").extract();
        String token = response.path("token");
        assertThat(token).startsWith("IKD1:").matches("[0-9A-Z $%*+\\-./:]*");
        assertThat((String) response.path("disclosure")).isEqualTo("minimal");

        // read with PeterO's CBOR, checked with the key the JWKS publishes
        CBORObject sign1 = Fixtures.cose(token);
        assertThat(sign1.HasMostOuterTag(18)).isTrue();
        CBORObject header = CBORObject.DecodeFromBytes(sign1.get(0).GetByteString());
        assertThat(header.get(CBORObject.FromObject(1)).AsInt32()).isEqualTo(-7);
        assertThat(header.get(CBORObject.FromObject(4)).GetByteString()).hasSize(6);
        assertThat(Fixtures.verifiesWithJwks(token)).isTrue();
        CBORObject claims = Fixtures.cwtClaims(token);
        assertThat(claims.get(CBORObject.FromObject(1)).AsString()).isEqualTo(IkdTestResource.ISSUER);
        assertThat(claims.get(CBORObject.FromObject(2)).AsString()).isEqualTo(citizen.subject());
        long iat = claims.get(CBORObject.FromObject(6)).AsInt64Value();
        assertThat(claims.get(CBORObject.FromObject(4)).AsInt64Value() - iat).isEqualTo(90);
        assertThat(claims.get(CBORObject.FromObject(7)).GetByteString()).hasSize(16);
        assertThat(claims.ContainsKey(CBORObject.FromObject(169))).as("the default shows nothing personal").isFalse();
        assertThat(Instant.parse(response.path("expiresAt")).getEpochSecond()).isEqualTo(iat + 90);
        assertThat((Integer) response.path("expiresIn")).isEqualTo(90);

        byte[] png = Base64.getDecoder().decode((String) response.path("qr.pngBase64"));
        assertThat(QrCodes.decode(png)).contains(token);
        assertThat(Zbarimg.read(png)).isEqualTo(token);
        String svg = response.path("qr.svg");
        assertThat(svg).startsWith("<svg").contains("<path");
        assertThat(Zbarimg.read(Chromium.render(svg))).as("the SVG as a browser draws it").isEqualTo(token);
        int version = response.path("qr.version");
        System.out.printf("QR credential of %d characters -> QR version %d at error correction M%n", token.length(), version);
        assertThat(version).isBetween(1, 10);
        assertThat((Object) response.path("qr.pngUrl")).as("no image URLs bound to one replica's memory").isNull();
        assertThat((Object) response.path("qr.svgUrl")).isNull();
        given().auth().oauth2(citizenJwt(citizen.subject())).get("/api/v1/qr-tokens/" + Fixtures.jti(token) + "/qr.png")
                .then().statusCode(404);
    }

    @Test
    void aPinProofIsAcceptedOnce() {
        Citizen citizen = activatedCitizen();
        String proof = pinProof(citizen.subject());
        mintRequest(citizen.subject(), proof).then().statusCode(201);
        mintRequest(citizen.subject(), proof).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("PIN_PROOF_USED"));
    }

    @Test
    void aMintSentAgainWithItsIdempotencyKeyGetsTheSameTokenNotPinProofUsed() {
        Citizen citizen = activatedCitizen();
        String proof = pinProof(citizen.subject());
        String key = UUID.randomUUID().toString();
        String token = keyedMint(citizen.subject(), proof, key).then().statusCode(201).extract().path("token");
        keyedMint(citizen.subject(), proof, key).then().statusCode(201).body("token", equalTo(token));
        // the key binds to the citizen: another one holding it is refused, and learns nothing
        String stranger = activatedCitizen().subject();
        keyedMint(stranger, pinProof(stranger), key).then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        mintRequest(citizen.subject(), proof).then().statusCode(409).body("code", equalTo("PIN_PROOF_USED"));
    }

    private static io.restassured.response.Response keyedMint(String subject, String pinProof, String key) {
        return given().auth().oauth2(citizenJwt(subject)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("pinProof", pinProof)).post("/api/v1/qr-tokens");
    }

    /** Mints that arrive together claim their proofs in one statement (group commit); single use still holds. */
    @Test
    void concurrentMintsEachGetTheirOwnAnswerAndAProofPresentedFourTimesMintsOnce() throws Exception {
        Citizen citizen = activatedCitizen();
        Citizen other = activatedCitizen();
        String reused = pinProof(citizen.subject());
        List<Map.Entry<String, String>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Citizen who = i % 2 == 0 ? citizen : other;
            requests.add(Map.entry(who.subject(), pinProof(who.subject())));
        }
        for (int i = 0; i < 4; i++) {
            requests.add(Map.entry(citizen.subject(), reused));
        }
        requests.add(Map.entry("sub-" + UUID.randomUUID(), pinProof("no-such-subject"))); // proof of another user
        String stranger = "sub-" + UUID.randomUUID();
        requests.add(Map.entry(stranger, pinProof(stranger))); // no identity: claimed by nobody in the round
        java.util.Collections.shuffle(requests, new java.util.Random(11));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Callable<String>> calls = new ArrayList<>();
            for (Map.Entry<String, String> request : requests) {
                calls.add(() -> {
                    var response = mintRequest(request.getKey(), request.getValue()).then().extract();
                    if (response.statusCode() == 201) {
                        String token = response.path("token");
                        assertThat(Fixtures.cwtClaims(token).get(CBORObject.FromObject(2)).AsString()).isEqualTo(request.getKey());
                        return "CREATED";
                    }
                    return response.path("code");
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (var outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).filteredOn("CREATED"::equals).hasSize(13);
            assertThat(outcomes).filteredOn("PIN_PROOF_USED"::equals).hasSize(3);
            assertThat(outcomes).filteredOn("PIN_PROOF_INVALID"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("ACTIVATION_IN_TRANSIT"::equals).hasSize(1);
            assertThat(outcomes).hasSize(18);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPinProofOfAnotherCitizenWrongTypeOrExpiredIsRefused() {
        Citizen citizen = activatedCitizen();
        mintRequest(citizen.subject(), pinProof("another-subject")).then().statusCode(403)
                .body("code", equalTo("PIN_PROOF_INVALID"));
        mintRequest(citizen.subject(), pinProof(citizen.subject(), "JWT", Instant.now().plusSeconds(60)))
                .then().statusCode(403).body("code", equalTo("PIN_PROOF_INVALID"));
        mintRequest(citizen.subject(), pinProof(citizen.subject(), "ikd-pin-proof+jwt", Instant.now().minusSeconds(30)))
                .then().statusCode(403).body("code", equalTo("PIN_PROOF_INVALID"));
        mintRequest(citizen.subject(), "not-a-jws").then().statusCode(403).body("code", equalTo("PIN_PROOF_INVALID"));
    }

    @Test
    void aPinProofIsAcceptedOnlyWhenMacedWithTheSharedKey() throws Exception {
        Citizen citizen = activatedCitizen();
        Instant expiresAt = Instant.now().plusSeconds(60);
        String subject = citizen.subject();
        String kid = Fixtures.pinProofKeys().currentKid();
        javax.crypto.SecretKey stranger = new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256");
        String claims = Fixtures.JSON.writeValueAsString(Map.of("iss", IkdTestResource.ISSUER,
                "sub", subject, "aud", "token-service", "jti", UUID.randomUUID().toString(),
                "exp", expiresAt.getEpochSecond()));
        List<String> forged = List.of(
                // the right kid, another key
                Fixtures.pinProof(subject, "ikd-pin-proof+jwt", expiresAt, kid, stranger),
                // a kid nobody knows
                Fixtures.pinProof(subject, "ikd-pin-proof+jwt", expiresAt, "unknown-kid", Fixtures.pinProofKeys().currentKey()),
                // the former format: ES256 with the suite's signing key is not a PIN proof any more
                Fixtures.jws("{\"alg\":\"ES256\",\"typ\":\"ikd-pin-proof+jwt\",\"kid\":\"" + kid + "\"}", claims,
                        Fixtures.suitePrivateKey()),
                // no MAC at all
                Fixtures.b64("{\"alg\":\"none\",\"typ\":\"ikd-pin-proof+jwt\",\"kid\":\"" + kid + "\"}") + "."
                        + Fixtures.b64(claims) + ".",
                // a valid proof given a fresh jti afterwards (to be used twice)
                withFreshJti(Fixtures.pinProof(subject)));
        for (String proof : forged) {
            mintRequest(subject, proof).then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("PIN_PROOF_INVALID"));
        }
        mintRequest(subject, Fixtures.pinProof(subject)).then().statusCode(201);
    }

    /** The proof with another jti in its claims and the MAC of the original. */
    private static String withFreshJti(String proof) throws Exception {
        String[] parts = proof.split("\\.");
        com.fasterxml.jackson.databind.node.ObjectNode claims = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.claims(proof);
        claims.put("jti", UUID.randomUUID().toString());
        return parts[0] + "." + Fixtures.b64(Fixtures.JSON.writeValueAsBytes(claims)) + "." + parts[2];
    }

    @Test
    void unknownIdentityGetsNoToken() {
        String stranger = "sub-" + UUID.randomUUID();
        mintRequest(stranger, pinProof(stranger)).then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("ACTIVATION_IN_TRANSIT"));
    }

    @Test
    void revokedIdentityGetsNoToken() {
        Citizen citizen = activatedCitizen();
        Fixtures.publish(Fixtures.revoked(citizen));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> mintRequest(
                citizen.subject(), pinProof(citizen.subject())).then().statusCode(403)
                .body("code", equalTo("IDENTITY_NOT_ACTIVE")));
    }

    @Test
    void badRequestsAreProblemsAndNeedACitizen() {
        String subject = "sub-" + UUID.randomUUID();
        given().auth().oauth2(citizenJwt(subject)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/qr-tokens").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(citizenJwt(subject)).contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/qr-tokens").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().contentType(ContentType.JSON).body(Map.of("pinProof", pinProof(subject)))
                .post("/api/v1/qr-tokens").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(Fixtures.adminJwt()).contentType(ContentType.JSON).body(Map.of("pinProof", pinProof(subject)))
                .post("/api/v1/qr-tokens").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
}
