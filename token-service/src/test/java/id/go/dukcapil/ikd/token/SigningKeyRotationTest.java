package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.adminJwt;
import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static id.go.dukcapil.ikd.token.QrTokenAttacksTest.assertRefused;
import static id.go.dukcapil.ikd.token.QrTokenAttacksTest.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.crypto.AesGcmSealer;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import id.go.dukcapil.ikd.token.domain.SigningKey;
import id.go.dukcapil.ikd.token.service.SigningKeyService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Key rotation: old tokens stay valid until they expire, removed keys make theirs UNKNOWN_KEY. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class SigningKeyRotationTest {

    @Inject
    AdjustableClock clock;
    @Inject
    SigningKeyService keys;
    @Inject
    Pool pool;

    @AfterEach
    void realTime() throws Throwable {
        clock.reset();
        VertxContextSupport.subscribeAndAwait(keys::reload);
    }

    private static String kid(String token) {
        return Fixtures.kid(token);
    }

    private static String rotate(boolean immediate) {
        return given().auth().oauth2(adminJwt()).queryParam("immediate", immediate)
                .post("/api/v1/admin/signing-keys/rotation").then().statusCode(201).extract().path("kid");
    }

    @Test
    void aRotatedKeyKeepsItsTokensValidUntilTheyExpiredThenLeavesTheJwks() throws Throwable {
        Citizen citizen = activatedCitizen();
        String before = mint(citizen);
        String alsoBefore = mint(citizen);
        String oldKid = kid(before);

        String newKid = rotate(true);
        String after = mint(citizen);
        assertThat(kid(after)).isEqualTo(newKid).isNotEqualTo(oldKid);
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .body("keys.kid", hasItems(oldKid, newKid))
                .body("keys.find { it.kid == '" + newKid + "' }.kty", equalTo("EC"))
                .body("keys.find { it.kid == '" + newKid + "' }.crv", equalTo("P-256"))
                .body("keys.find { it.kid == '" + newKid + "' }.alg", equalTo("ES256"));
        verify(before).body("valid", equalTo(true));
        verify(after).body("valid", equalTo(true));

        // retention = 90 s lifetime + 5 s leeway + 10 s refresh interval: then the old key is gone
        clock.shift(Duration.ofSeconds(106));
        VertxContextSupport.subscribeAndAwait(keys::reload);
        given().get("/.well-known/jwks.json").then().body("keys.kid", not(hasItem(oldKid)))
                .body("keys.kid", hasItem(newKid));
        assertRefused(alsoBefore, "UNKNOWN_KEY");
    }

    @Test
    void aScheduledSuccessorIsPublishedBeforeItSigns() throws Throwable {
        Citizen citizen = activatedCitizen();
        String successor = rotate(false);
        given().get("/.well-known/jwks.json").then().body("keys.kid", hasItem(successor));
        assertThat(kid(mint(citizen))).isNotEqualTo(successor);

        Duration later2m = Duration.ofMinutes(2).plusSeconds(1);
        clock.shift(later2m);
        String later = mint(citizen, later2m);
        assertThat(kid(later)).isEqualTo(successor);
        verify(later).body("valid", equalTo(true));
    }

    @Test
    void aRemovedKeyMakesItsTokensUnknownAndANewKeyTakesOver() {
        Citizen citizen = activatedCitizen();
        String token = mint(citizen);
        String removed = kid(token);
        given().auth().oauth2(adminJwt()).delete("/api/v1/admin/signing-keys/" + removed).then().statusCode(204);
        assertRefused(token, "UNKNOWN_KEY");
        given().get("/.well-known/jwks.json").then().body("keys.kid", not(hasItem(removed)));
        String next = mint(citizen);
        assertThat(kid(next)).isNotEqualTo(removed);
        verify(next).body("valid", equalTo(true));
        given().auth().oauth2(adminJwt()).delete("/api/v1/admin/signing-keys/" + removed).then().statusCode(404)
                .body("code", equalTo("SIGNING_KEY_NOT_FOUND"));
    }

    @Test
    void callersThatFindNoKeyTogetherCreateOneNotSeveral() throws Throwable {
        // a database without keys (a fresh install): start-up and the first mints all ask for a signer at once
        VertxContextSupport.subscribeAndAwait(() -> pool.query("delete from signing_key").execute());
        VertxContextSupport.subscribeAndAwait(keys::reload);

        List<SigningKey> signers = VertxContextSupport.subscribeAndAwait(() -> io.smallrye.mutiny.Uni.join()
                .all(java.util.stream.IntStream.range(0, 8).mapToObj(i -> keys.signer()).toList()).andFailFast());

        assertThat(signers).extracting(SigningKey::kid).containsOnly(signers.get(0).kid());
        long rows = VertxContextSupport.subscribeAndAwait(() -> pool.query("select count(*) from signing_key").execute()
                .map(result -> result.iterator().next().getLong(0)));
        assertThat(rows).as("signing keys in the database").isEqualTo(1);
    }

    @Test
    void privateKeysAreStoredSealedUnderTheKeyEncryptionKey() throws Throwable {
        SigningKey current = VertxContextSupport.subscribeAndAwait(keys::signer);
        byte[] sealed = VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select private_key_sealed from signing_key where kid = $1")
                .execute(Tuple.of(current.kid()))
                .map(rows -> rows.iterator().next().getBuffer(0).getBytes()));
        byte[] plain = current.privateKey().getEncoded();
        assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(plain, plain.length - 32, plain.length))).isNegative();
        AesGcmSealer wrongKek = AesGcmSealer.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "ikd.token.key-encryption-key", 32);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongKek.open(current.kid(), sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyAdminsManageKeys() {
        given().auth().oauth2(Fixtures.citizenJwt("someone")).post("/api/v1/admin/signing-keys/rotation").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        List<String> kids = given().auth().oauth2(adminJwt()).get("/api/v1/admin/signing-keys").then().statusCode(200)
                .extract().path("kid");
        assertThat(kids).isNotEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
