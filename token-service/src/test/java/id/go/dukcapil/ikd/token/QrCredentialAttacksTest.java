package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static id.go.dukcapil.ikd.token.QrTokenAttacksTest.assertRefused;
import static id.go.dukcapil.ikd.token.QrTokenAttacksTest.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.upokecenter.cbor.CBORObject;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import id.go.dukcapil.ikd.token.crypto.Base45;
import id.go.dukcapil.ikd.token.domain.SigningKey;
import id.go.dukcapil.ikd.token.service.SigningKeyService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/**
 * The QR credential's twins of every attack on the JWS format: the forgeries are written with
 * PeterO's CBOR (not the service's Jackson CBOR) and signed with the JDK, as an attacker would.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class QrCredentialAttacksTest {

    private static final CBORObject ALG = CBORObject.FromObject(1);
    private static final CBORObject KID = CBORObject.FromObject(4);

    @Inject
    AdjustableClock clock;
    @Inject
    SigningKeyService keys;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private SigningKey signer() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> keys.signer());
    }

    /** A protected header map. */
    private static CBORObject header(Integer alg, byte[] kid) {
        CBORObject header = CBORObject.NewMap();
        if (alg != null) {
            header.Add(ALG, CBORObject.FromObject(alg));
        }
        if (kid != null) {
            header.Add(KID, CBORObject.FromObject(kid));
        }
        return header;
    }

    /** A tagged COSE_Sign1 of {@code claims}, ES256-signed with {@code key}, as the QR text. */
    static String sign(CBORObject protectedHeader, CBORObject unprotected, CBORObject claims, PrivateKey key)
            throws Exception {
        byte[] protectedBytes = protectedHeader.size() == 0 ? new byte[0] : protectedHeader.EncodeToBytes();
        byte[] payload = claims.EncodeToBytes();
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key);
        signer.update(toBeSigned(protectedBytes, payload));
        return text(protectedBytes, unprotected, payload, signer.sign());
    }

    private static byte[] toBeSigned(byte[] protectedBytes, byte[] payload) {
        return CBORObject.NewArray().Add("Signature1").Add(protectedBytes).Add(new byte[0]).Add(payload).EncodeToBytes();
    }

    private static String text(byte[] protectedBytes, CBORObject unprotected, byte[] payload, byte[] signature) {
        CBORObject sign1 = CBORObject.FromObjectAndTag(CBORObject.NewArray().Add(protectedBytes).Add(unprotected)
                .Add(payload).Add(signature), 18);
        return "IKD1:" + Base45.encode(sign1.EncodeToBytes());
    }

    /** The claims of a token the service would mint for the citizen now. */
    private CBORObject claims(Citizen citizen, Instant issuedAt) {
        byte[] cti = new byte[16];
        new java.security.SecureRandom().nextBytes(cti);
        return CBORObject.NewMap().Add(1, IkdTestResource.ISSUER).Add(2, citizen.subject())
                .Add(4, issuedAt.getEpochSecond() + 90).Add(6, issuedAt.getEpochSecond()).Add(7, cti);
    }

    @Test
    void aCredentialForgedWithTheServicesOwnKeyAndLayoutIsValid() throws Throwable {
        // the baseline of the forgeries below: right key, right layout, so each refusal is for its one change
        SigningKey key = signer();
        String token = sign(header(-7, key.kidBytes()), CBORObject.NewMap(), claims(activatedCitizen(), clock.instant()),
                key.privateKey());
        verify(token).body("valid", equalTo(true)).body("attributes.fullName", equalTo("SITI AMINAH"));
    }

    @Test
    void anAlteredPayloadIsRefused() {
        String token = mint(activatedCitizen());
        CBORObject sign1 = Fixtures.cose(token);
        CBORObject claims = CBORObject.DecodeFromBytes(sign1.get(2).GetByteString());
        claims.Set(CBORObject.FromObject(169), CBORObject.NewMap().Add(4, "BUDI SANTOSO"));
        assertRefused(text(sign1.get(0).GetByteString(), sign1.get(1), claims.EncodeToBytes(), sign1.get(3).GetByteString()),
                "BAD_SIGNATURE");
        CBORObject later = CBORObject.DecodeFromBytes(sign1.get(2).GetByteString());
        later.Set(CBORObject.FromObject(4), CBORObject.FromObject(later.get(CBORObject.FromObject(4)).AsInt64Value() + 3600));
        assertRefused(text(sign1.get(0).GetByteString(), sign1.get(1), later.EncodeToBytes(), sign1.get(3).GetByteString()),
                "BAD_SIGNATURE");
    }

    @Test
    void aStrippedOrTruncatedSignatureOrTokenIsRefused() {
        String token = mint(activatedCitizen());
        CBORObject sign1 = Fixtures.cose(token);
        byte[] signature = sign1.get(3).GetByteString();
        assertRefused(text(sign1.get(0).GetByteString(), sign1.get(1), sign1.get(2).GetByteString(), new byte[0]),
                "BAD_SIGNATURE");
        assertRefused(text(sign1.get(0).GetByteString(), sign1.get(1), sign1.get(2).GetByteString(),
                Arrays.copyOf(signature, 63)), "BAD_SIGNATURE");
        assertRefused(token.substring(0, token.length() - 30), "MALFORMED");
        assertRefused(token.substring(0, 5 + 3 * 20), "MALFORMED");
        assertRefused("IKD1:", "MALFORMED");
        assertRefused(token.substring(5), "MALFORMED");
    }

    @Test
    void anAlgorithmOtherThanEs256InTheProtectedHeaderIsRefused() throws Throwable {
        SigningKey key = signer();
        CBORObject claims = claims(activatedCitizen(), clock.instant());
        // ES384 and EdDSA labels over an ES256 signature of the right key, and no algorithm at all
        for (Integer alg : Arrays.asList(-35, -8, null)) {
            assertRefused(sign(header(alg, key.kidBytes()), CBORObject.NewMap(), claims, key.privateKey()), "BAD_SIGNATURE");
        }
        // HMAC 256/256 (label 5) keyed with the public key, the classic confusion
        byte[] protectedBytes = header(5, key.kidBytes()).EncodeToBytes();
        byte[] payload = claims.EncodeToBytes();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.publicKey().getEncoded(), "HmacSHA256"));
        assertRefused(text(protectedBytes, CBORObject.NewMap(), payload, mac.doFinal(toBeSigned(protectedBytes, payload))),
                "BAD_SIGNATURE");
    }

    @Test
    void theUnprotectedHeaderIsNeverTrusted() throws Throwable {
        SigningKey key = signer();
        Citizen citizen = activatedCitizen();
        var attacker = Fixtures.attackerKeys();
        byte[] attackerKid = { 1, 2, 3, 4, 5, 6 };
        // a kid only in the unprotected header: no key named where the signature covers it
        assertRefused(sign(header(-7, null), CBORObject.NewMap().Add(4, key.kidBytes()), claims(citizen, clock.instant()),
                key.privateKey()), "MALFORMED");
        // the algorithm only in the unprotected header
        assertRefused(sign(header(null, key.kidBytes()), CBORObject.NewMap().Add(1, -7), claims(citizen, clock.instant()),
                key.privateKey()), "BAD_SIGNATURE");
        // our kid protected, the attacker's kid and algorithm unprotected, the attacker's signature
        assertRefused(sign(header(-7, key.kidBytes()), CBORObject.NewMap().Add(1, -7).Add(4, attackerKid),
                claims(citizen, clock.instant()), attacker.getPrivate()), "BAD_SIGNATURE");
        // an x5chain (label 33) offered unprotected does not bring its own key either
        assertRefused(sign(header(-7, key.kidBytes()), CBORObject.NewMap().Add(33, attacker.getPublic().getEncoded()),
                claims(citizen, clock.instant()), attacker.getPrivate()), "BAD_SIGNATURE");
    }

    @Test
    void aKidNotInTheJwksIsUnknownKey() throws Throwable {
        var attacker = Fixtures.attackerKeys();
        byte[] kid = { 'z', 'z', 'z', 'z', 'z', 'z' };
        assertRefused(sign(header(-7, kid), CBORObject.NewMap(), claims(activatedCitizen(), clock.instant()),
                attacker.getPrivate()), "UNKNOWN_KEY");
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(Fixtures.b64(kid))));
    }

    @Test
    void expiryHasASmallLeewayAndNotMore() {
        String token = mint(activatedCitizen());
        Instant exp = Instant.ofEpochSecond(Fixtures.cwtClaims(token).get(CBORObject.FromObject(4)).AsInt64Value());
        clock.freezeAt(exp.plusSeconds(6));
        assertRefused(token, "EXPIRED");
        clock.freezeAt(exp.plusSeconds(4));
        verify(token).body("valid", equalTo(true));
    }

    @Test
    void aCredentialIssuedInTheFutureBeyondTheLeewayIsNotYetValid() {
        Citizen citizen = activatedCitizen();
        Instant issued = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 8);
        clock.freezeAt(issued);
        String token = mint(citizen);
        assertThat(Fixtures.cwtClaims(token).get(CBORObject.FromObject(6)).AsInt64Value()).isEqualTo(issued.getEpochSecond());
        clock.freezeAt(issued.minusSeconds(6));
        assertRefused(token, "NOT_YET_VALID");
        clock.freezeAt(issued.minusSeconds(4));
        verify(token).body("valid", equalTo(true));
    }

    @Test
    void tenConcurrentPresentationsOfOneCredentialGiveExactlyOneValid() throws Exception {
        String token = mint(activatedCitizen());
        String bearer = Fixtures.verifierJwt("bank-test", "ikd.name");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<String>> presentations = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                presentations.add(() -> {
                    var response = given().auth().oauth2(bearer).contentType(ContentType.JSON)
                            .body(Map.of("token", token)).post("/api/v1/verifications").then().statusCode(200).extract();
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

    @Test
    void aZlibCompressedCredentialIsReadButNoBombIsInflated() {
        String token = mint(activatedCitizen());
        byte[] cose = Base45.decode(token.substring(5));
        verify("IKD1:" + Base45.encode(zlib(cose))).body("valid", equalTo(true));
        byte[] bomb = new byte[200_000];
        bomb[0] = (byte) 0xD2;
        assertRefused("IKD1:" + Base45.encode(zlib(bomb)), "MALFORMED");
    }

    private static byte[] zlib(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
