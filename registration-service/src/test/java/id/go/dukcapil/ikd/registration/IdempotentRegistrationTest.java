package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A registration sent again with its Idempotency-Key (the app's retry, or the gateway's after a
 * replica died under it) answers what the first did: the same registration, secret and counter
 * code, and no second registration. The stored answer holds neither the key nor the secret in
 * the clear.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class IdempotentRegistrationTest {

    @Inject
    Pool pool;

    @Test
    void theSameRegistrationSentTwiceWithItsKeyIsOneRegistrationWithOneAnswer() {
        String nik = Citizens.nik();
        Map<String, String> form = Citizens.form(nik);
        String key = UUID.randomUUID().toString();

        Response first = register(form, key);
        first.then().statusCode(202);
        Response again = register(form, key);
        again.then().statusCode(202);

        assertThat(again.<String>path("registrationId")).isEqualTo(first.path("registrationId"));
        assertThat(again.<String>path("registrationSecret")).isEqualTo(first.path("registrationSecret"));
        assertThat(again.<String>path("counterCode.payload")).isEqualTo(first.path("counterCode.payload"));
        assertThat(registrationsOf(nik)).isEqualTo(1);

        Row stored = pool.query("select key_hash, answer from ikd_idempotent_request").execute().await().indefinitely()
                .stream().filter(row -> row.getString("key_hash").equals(IdempotencyKey.of(key).lookupHash()))
                .findFirst().orElseThrow();
        String answer = new String(stored.getBuffer("answer").getBytes(), StandardCharsets.ISO_8859_1);
        assertThat(answer).doesNotContain(first.<String>path("registrationSecret")).doesNotContain(nik);
        assertThat(stored.getString("key_hash")).doesNotContain(key);
    }

    @Test
    void withoutAKeyTheSameFormIsASecondRegistration() {
        String nik = Citizens.nik();
        Map<String, String> form = Citizens.form(nik);
        Response first = Citizens.register(form);
        Response again = Citizens.register(form);
        assertThat(again.<String>path("registrationId")).isNotEqualTo(first.path("registrationId"));
        assertThat(registrationsOf(nik)).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsRefusedBeforeAnythingHappens() {
        String nik = Citizens.nik();
        register(Citizens.form(nik), "short").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_INVALID"));
        assertThat(registrationsOf(nik)).isZero();
    }

    private static Response register(Map<String, String> fields, String key) {
        RequestSpecification request = given().header(IdempotencyKey.HEADER, key)
                .multiPart("selfie", "selfie.jpg", Citizens.selfie(), "image/jpeg");
        fields.forEach(request::multiPart);
        return request.post("/api/v1/registrations");
    }

    private long registrationsOf(String nik) {
        return pool.preparedQuery("select count(*) from registration where nik = $1").execute(Tuple.of(nik))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
