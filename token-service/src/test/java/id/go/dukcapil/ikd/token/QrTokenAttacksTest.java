package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.b64;
import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.TokenVerified;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import id.go.dukcapil.ikd.token.domain.SigningKey;
import id.go.dukcapil.ikd.token.service.SigningKeyService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Online verification: the honest path once, and every attack on the legacy JWS format (accepted
 * until its last tokens expire) refused with its reason; the QR credential's twins of these
 * attacks are in {@link QrCredentialAttacksTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class QrTokenAttacksTest {

    private static final String ALL_SCOPES = "ikd.name ikd.nik ikd.birthdate ikd.photo";

    @Inject
    AdjustableClock clock;
    @Inject
    SigningKeyService keys;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static ValidatableResponse verify(String token) {
        return verify(token, ALL_SCOPES);
    }

    static ValidatableResponse verify(String token, String scope) {
        return given().auth().oauth2(Fixtures.verifierJwt("bank-test", scope)).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/api/v1/verifications").then().statusCode(200);
    }

    static void assertRefused(String token, String reason) {
        verify(token).body("valid", equalTo(false)).body("reason", equalTo(reason));
    }

    /** A legacy JWS token of the citizen, signed now with the key that signs now. */
    private String legacy(Citizen citizen) throws Throwable {
        return legacy(citizen, clock.instant());
    }

    private String legacy(Citizen citizen, Instant issuedAt) throws Throwable {
        SigningKey key = VertxContextSupport.subscribeAndAwait(() -> keys.signer());
        return Fixtures.legacyJws(citizen.subject(), key, issuedAt);
    }

    @Test
    void aValidTokenIsAcceptedOnceThenReplayedAndEveryAnswerIsAudited() {
        Citizen citizen = activatedCitizen();
        String token = mint(citizen, "full");
        String jti = Fixtures.jti(token);
        try (TopicProbe probe = TopicProbe.fromNow(Fixtures.bootstrap(), Topics.TOKEN)) {
            verify(token).body("valid", equalTo(true))
                    .body("attributes.fullName", equalTo("SITI AMINAH"))
                    .body("attributes.nikMasked", equalTo("320101********01"))
                    .body("attributes.birthDate", equalTo("1990-01-05"))
                    .body("attributes.photoDigest", equalTo("n4bQgYhMfWWaL-qgxVrQFQ"));
            verify(token).body("valid", equalTo(false)).body("reason", equalTo("REPLAYED"))
                    .body("message", equalTo("Kode QR ini sudah pernah diperiksa. Setiap kode hanya dapat dipakai sekali."));

            List<ConsumerRecord<String, String>> audits = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                audits.clear();
                audits.addAll(probe.collect(TopicProbe.ofType(EventType.TOKEN_VERIFIED.type()), Duration.ofMillis(500))
                        .stream().filter(r -> r.value().contains(jti)).toList());
                return audits.size() >= 2;
            });
            assertThat(audits).allSatisfy(record -> assertThat(record.key()).isEqualTo(citizen.subject()));
            List<TokenVerified> events = audits.stream().map(r -> EventJson.read(r.value(), TokenVerified.class)).toList();
            assertThat(events).extracting(TokenVerified::valid).containsExactlyInAnyOrder(true, false);
            assertThat(events).extracting(TokenVerified::reasonCode).containsExactlyInAnyOrder(null, "REPLAYED");
            assertThat(events).extracting(TokenVerified::relyingParty).containsOnly("bank-test");
        }
    }

    @Test
    void aVerificationSentAgainWithItsIdempotencyKeyGetsTheFirstVerdictNotReplayed() {
        String token = mint(activatedCitizen(), "full");
        String key = java.util.UUID.randomUUID().toString();
        String reference = keyedVerify(token, key, "bank-test").body("valid", equalTo(true)).extract().path("reference");
        // the gateway sends it again to another replica after the first died before answering
        keyedVerify(token, key, "bank-test").body("valid", equalTo(true)).body("reference", equalTo(reference))
                .body("attributes.fullName", equalTo("SITI AMINAH"));
        // another relying party holding the same key learns nothing from it
        given().auth().oauth2(Fixtures.verifierJwt("other-bank", ALL_SCOPES)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("token", token)).post("/api/v1/verifications").then()
                .statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // without the key, single use holds
        assertRefused(token, "REPLAYED");
    }

    private static ValidatableResponse keyedVerify(String token, String key, String relyingParty) {
        return given().auth().oauth2(Fixtures.verifierJwt(relyingParty, ALL_SCOPES)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("token", token)).post("/api/v1/verifications").then()
                .statusCode(200);
    }

    @Test
    void theRelyingPartySeesOnlyWhatItsScopeAllows() {
        String token = mint(activatedCitizen());
        verify(token, "ikd.name").body("valid", equalTo(true))
                .body("attributes.fullName", equalTo("SITI AMINAH"))
                .body("attributes.size()", equalTo(1));
    }

    @Test
    void aLegacyJwsTokenIsStillAcceptedOnceWithTheSameAnswer() throws Throwable {
        String token = legacy(activatedCitizen());
        verify(token).body("valid", equalTo(true))
                .body("attributes.fullName", equalTo("SITI AMINAH"))
                .body("attributes.nikMasked", equalTo("320101********01"))
                .body("attributes.birthDate", equalTo("1990-01-05"))
                .body("attributes.photoDigest", equalTo("n4bQgYhMfWWaL-qgxVrQFQ"));
        assertRefused(token, "REPLAYED");
    }

    @Test
    void tenConcurrentPresentationsOfOneLegacyTokenGiveExactlyOneValid() throws Throwable {
        String token = legacy(activatedCitizen());
        String bearer = Fixtures.verifierJwt("bank-test", ALL_SCOPES);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<String>> presentations = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                presentations.add(() -> {
                    var response = given().auth().oauth2(bearer).contentType(ContentType.JSON)
                            .body(Map.of("token", token)).post("/api/v1/verifications").then().statusCode(200)
                            .extract();
                    return Boolean.TRUE.equals(response.path("valid")) ? "VALID" : response.path("reason");
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(presentations)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).filteredOn("VALID"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("REPLAYED"::equals).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Presentations that arrive together share one statement and transaction (group commit): each still
     * gets its own answer and exactly one audit event, whatever else is in its round.
     */
    @Test
    void concurrentPresentationsOfManyTokensAreEachAnsweredAndAuditedOnce() throws Exception {
        Citizen citizen = activatedCitizen();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            tokens.add(mint(citizen));
        }
        String bearer = Fixtures.verifierJwt("bank-batch", ALL_SCOPES);
        List<String> presented = new ArrayList<>();
        for (String token : tokens) {
            presented.add(token);
            presented.add(token); // each token twice: one VALID, one REPLAYED
        }
        presented.add("not.a-token.at-all"); // refused before the database, audited in the same rounds
        java.util.Collections.shuffle(presented, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (TopicProbe probe = TopicProbe.fromNow(Fixtures.bootstrap(), Topics.TOKEN)) {
            List<Callable<Map.Entry<String, String>>> calls = new ArrayList<>();
            for (String token : presented) {
                calls.add(() -> {
                    var response = given().auth().oauth2(bearer).contentType(ContentType.JSON)
                            .body(Map.of("token", token)).post("/api/v1/verifications").then().statusCode(200).extract();
                    return Map.entry(token, Boolean.TRUE.equals(response.path("valid")) ? "VALID" : response.path("reason"));
                });
            }
            Map<String, List<String>> outcomes = new java.util.HashMap<>();
            for (Future<Map.Entry<String, String>> call : pool.invokeAll(calls)) {
                outcomes.computeIfAbsent(call.get().getKey(), k -> new ArrayList<>()).add(call.get().getValue());
            }
            for (String token : tokens) {
                assertThat(outcomes.get(token)).as("answers to one token").containsExactlyInAnyOrder("VALID", "REPLAYED");
            }
            assertThat(outcomes.get("not.a-token.at-all")).containsExactly("MALFORMED");

            List<TokenVerified> audits = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                audits.clear();
                probe.collect(TopicProbe.ofType(EventType.TOKEN_VERIFIED.type()), Duration.ofMillis(500)).stream()
                        .map(r -> EventJson.read(r.value(), TokenVerified.class))
                        .filter(event -> "bank-batch".equals(event.relyingParty())).forEach(audits::add);
                return audits.size() >= presented.size();
            });
            assertThat(audits).hasSize(presented.size());
            for (String token : tokens) {
                String jti = Fixtures.jti(token);
                assertThat(audits).filteredOn(event -> jti.equals(event.jti())).extracting(TokenVerified::reasonCode)
                        .containsExactlyInAnyOrder(null, "REPLAYED");
            }
            assertThat(audits).filteredOn(event -> event.jti() == null).extracting(TokenVerified::reasonCode)
                    .containsExactly("MALFORMED");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void algNoneIsRefused() throws Throwable {
        String token = legacy(activatedCitizen());
        String[] parts = token.split("\\.");
        String kid = Fixtures.header(token).get("kid").asText();
        assertRefused(b64("{\"alg\":\"none\",\"typ\":\"ikd-qr+jwt\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".",
                "BAD_SIGNATURE");
        assertRefused(b64("{\"alg\":\"none\",\"typ\":\"ikd-qr+jwt\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + "."
                + parts[2], "BAD_SIGNATURE");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Throwable {
        String token = legacy(activatedCitizen());
        String kid = Fixtures.header(token).get("kid").asText();
        SigningKey key = VertxContextSupport.subscribeAndAwait(() -> keys.publishedKey(kid)).orElseThrow();
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"ikd-qr+jwt\",\"kid\":\"" + kid + "\"}") + "."
                + token.split("\\.")[1];
        for (byte[] secret : List.of(key.publicKey().getEncoded(),
                org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(key.publicKey()).toJson().getBytes(StandardCharsets.UTF_8))) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String forged = signingInput + "." + Fixtures.b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
            assertRefused(forged, "BAD_SIGNATURE");
        }
    }

    @Test
    void aChangedPayloadIsRefused() throws Throwable {
        String token = legacy(activatedCitizen());
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) Fixtures.claims(token);
        claims.put("nm", "BUDI SANTOSO");
        assertRefused(parts[0] + "." + b64(claims.toString()) + "." + parts[2], "BAD_SIGNATURE");
    }

    @Test
    void aKidNotInTheJwksIsUnknownKey() throws Throwable {
        String token = legacy(activatedCitizen());
        var attacker = Fixtures.attackerKeys();
        String forged = Fixtures.jws("{\"alg\":\"ES256\",\"typ\":\"ikd-qr+jwt\",\"kid\":\"zzzzzzzz\"}",
                Fixtures.claims(token).toString(), attacker.getPrivate());
        assertRefused(forged, "UNKNOWN_KEY");
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("zzzzzzzz")));
    }

    @Test
    void keysNamedByTheTokenItselfAreNeverHonoured() throws Throwable {
        String token = legacy(activatedCitizen());
        String kid = Fixtures.header(token).get("kid").asText();
        var attacker = Fixtures.attackerKeys();
        String claims = Fixtures.claims(token).toString();
        String jwk = org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(attacker.getPublic()).toJson();
        for (String extra : List.of("\"jku\":\"https://attacker.example/jwks.json\"",
                "\"x5u\":\"https://attacker.example/cert.pem\"", "\"jwk\":" + jwk)) {
            String header = "{\"alg\":\"ES256\",\"typ\":\"ikd-qr+jwt\",\"kid\":\"" + kid + "\"," + extra + "}";
            assertRefused(Fixtures.jws(header, claims, attacker.getPrivate()), "BAD_SIGNATURE");
        }
    }

    @Test
    void expiryHasASmallLeewayAndNotMore() throws Throwable {
        String token = legacy(activatedCitizen());
        Instant exp = Instant.ofEpochSecond(Fixtures.claims(token).get("exp").asLong());
        // leeway is 5 s: 6 s after exp is refused (and does not use the token up), 4 s after is accepted
        clock.freezeAt(exp.plusSeconds(6));
        assertRefused(token, "EXPIRED");
        clock.freezeAt(exp.plusSeconds(4));
        verify(token).body("valid", equalTo(true));
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheLeewayIsNotYetValid() throws Throwable {
        Citizen citizen = activatedCitizen();
        Instant issued = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 8);
        String token = legacy(citizen, issued);
        assertThat(Fixtures.claims(token).get("iat").asLong()).isEqualTo(issued.getEpochSecond());
        // the verifier's clock 6 s behind the issuer's: beyond the 5 s leeway; 4 s behind: within it
        clock.freezeAt(issued.minusSeconds(6));
        assertRefused(token, "NOT_YET_VALID");
        clock.freezeAt(issued.minusSeconds(4));
        verify(token).body("valid", equalTo(true));
    }

    @Test
    void aTokenOfARevokedIdentityIsRevoked() throws Throwable {
        Citizen citizen = activatedCitizen();
        String token = mint(citizen);
        String legacyToken = legacy(citizen);
        Fixtures.publish(Fixtures.revoked(citizen));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> Fixtures
                .mintRequest(citizen.subject(), Fixtures.pinProof(citizen.subject())).statusCode() == 403);
        assertRefused(token, "REVOKED");
        assertRefused(legacyToken, "REVOKED");
    }

    @Test
    void aTokenIssuedBeforeTheSubjectsNewIdentityIsRevoked() {
        Citizen oldPhone = activatedCitizen();
        clock.freezeAt(Instant.now().minusSeconds(60));
        String oldToken = mint(oldPhone);
        clock.reset();
        // re-activation on a new phone: a newer identity of the same subject, activated now
        Citizen newPhone = new Citizen(UUID.randomUUID(), UUID.randomUUID(), oldPhone.subject());
        Fixtures.publish(Fixtures.activated(newPhone, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> "REVOKED".equals(verify(oldToken).extract().path("reason")));
        verify(mint(newPhone)).body("valid", equalTo(true));
    }

    @Test
    void whatIsNotAQrTokenIsMalformed() throws Throwable {
        assertRefused("garbage", "MALFORMED");
        assertRefused("a.b.c", "MALFORMED");
        SigningKey key = VertxContextSupport.subscribeAndAwait(() -> keys.signer());
        // our own key, but another type of token: a citizen JWT is not a QR token
        String otherType = Fixtures.legacyJws(activatedCitizen().subject(), key.kid(), key.privateKey(), Instant.now(), "JWT");
        assertRefused(otherType, "MALFORMED");
    }

    @Test
    void onlyVerifiersMayAskAndBadRequestsAreProblems() {
        given().auth().oauth2(Fixtures.citizenJwt("someone")).contentType(ContentType.JSON)
                .body(Map.of("token", "x")).post("/api/v1/verifications").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Fixtures.verifierJwt("bank-test", ALL_SCOPES)).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/v1/verifications").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        given().contentType(ContentType.JSON).body(Map.of("token", "x")).post("/api/v1/verifications").then()
                .statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }
}
