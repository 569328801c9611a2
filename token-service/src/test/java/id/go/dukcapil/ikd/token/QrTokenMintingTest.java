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
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
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
    void activeCitizenWithFreshPinProofGetsA90SecondTokenWhoseQrDecodesToIt() throws Exception {
        Citizen citizen = activatedCitizen();
        ExtractableResponse<Response> response = mintRequest(citizen.subject(), pinProof(citizen.subject()))
                .then().statusCode(201).header("Cache-Control", "no-store").extract();
        String token = response.path("token");

        JsonNode header = Fixtures.header(token);
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("typ").asText()).isEqualTo("ikd-qr+jwt");
        assertThat(header.get("kid").asText()).isNotBlank();
        JsonNode claims = Fixtures.claims(token);
        assertThat(claims.get("iss").asText()).isEqualTo(IkdTestResource.ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo(citizen.subject());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(90);
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.get("nm").asText()).isEqualTo("SITI AMINAH");
        assertThat(claims.get("nik").asText()).isEqualTo("320101********01");
        assertThat(claims.get("bd").asText()).isEqualTo("1990-01-05");
        assertThat(claims.get("ph").asText()).isEqualTo("n4bQgYhMfWWaL-qgxVrQFQ");
        assertThat(token).doesNotContain(Fixtures.NIK);
        assertThat(Instant.parse(response.path("expiresAt")).getEpochSecond()).isEqualTo(claims.get("exp").asLong());
        assertThat((Integer) response.path("expiresIn")).isEqualTo(90);

        byte[] png = Base64.getDecoder().decode((String) response.path("qr.pngBase64"));
        assertThat(QrCodes.decode(png)).contains(token);
        assertThat(Zbarimg.read(png)).isEqualTo(token);
        assertThat((String) response.path("qr.svg")).startsWith("<svg").contains("<path");
        int version = response.path("qr.version");
        System.out.printf("QR token of %d characters -> QR version %d at error correction M%n", token.length(), version);
        assertThat(version).isBetween(1, 40);

        byte[] cached = given().auth().oauth2(citizenJwt(citizen.subject())).get((String) response.path("qr.pngUrl"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(cached).isEqualTo(png);
        given().auth().oauth2(citizenJwt(citizen.subject())).get((String) response.path("qr.svgUrl"))
                .then().statusCode(200).contentType("image/svg+xml");
        given().auth().oauth2(citizenJwt("someone-else")).get((String) response.path("qr.pngUrl"))
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("QR_IMAGE_NOT_FOUND"));
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
    void unknownIdentityGetsNoToken() {
        String stranger = "sub-" + UUID.randomUUID();
        mintRequest(stranger, pinProof(stranger)).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("IDENTITY_NOT_ACTIVE"));
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
