package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.adminJwt;
import static id.go.dukcapil.ikd.token.Fixtures.citizenJwt;
import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static id.go.dukcapil.ikd.token.Fixtures.pinProof;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;

import id.go.dukcapil.ikd.testing.HostileInput;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 14, bad input at token-service: a NUL or a 1 MB client id at the relying-party token
 * endpoint is a problem, not a 500; QR payloads (arbitrary strings and mutations of what the mint
 * endpoint returns, whatever its format), PIN proofs and bearer tokens never get a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class HostileInputTest {

    private static Response tokenRequest(String clientId) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", "s3cret").post("/api/v1/relying-party/tokens");
    }

    @Test
    void aNulOrAHugeClientIdIsAProblem() {
        HostileInput.refusal(() -> tokenRequest("bank\u0000x"), 400, "VALIDATION_FAILED").then()
                .body("errors.field", hasItem("client_id"));
        HostileInput.refusal(() -> tokenRequest("x".repeat(1_000_000)), 413, "PAYLOAD_TOO_LARGE");
        String basic = Base64.getEncoder().encodeToString("bank\u0000x:s3cret".getBytes(StandardCharsets.UTF_8));
        HostileInput.refusal(() -> given().header("Authorization", "Basic " + basic).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/v1/relying-party/tokens"), 401,
                "INVALID_CLIENT");
        HostileInput.refusal(() -> given().urlEncodingEnabled(false).auth().oauth2(adminJwt())
                .delete("/api/v1/admin/relying-parties/bank%00x"), 400,
                "VALIDATION_FAILED");
    }

    @Test
    void qrPayloadsNeverGetA500() {
        String verifier = verifierToken();
        String minted = mint(activatedCitizen());
        Arbitraries.oneOf(HostileInput.mutationsOf(minted), Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:").ofMaxLength(400),
                Arbitraries.strings().withChars("abcXYZ019-_.=").ofMaxLength(400))
                .sampleStream().limit(250).forEach(payload -> HostileInput.assertSuccessOrProblem(
                        given().auth().oauth2(verifier).contentType(ContentType.JSON)
                                .body(("{\"token\":" + HostileInput.quote(payload) + "}").getBytes(StandardCharsets.UTF_8))
                                .post("/api/v1/verifications"), payload));
        HostileInput.json(List.of("token")).sampleStream().limit(80).forEach(body -> HostileInput.assertSuccessOrProblem(
                given().auth().oauth2(verifier).contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/verifications"), body));
    }

    @Test
    void mutatedPinProofsAndBearerTokensNeverGetA500() {
        // An active identity: a proof that survives its mutation must meet a subject the projection knows,
        // or it is rightly 503 ACTIVATION_IN_TRANSIT (an activation still on its way).
        String subject = activatedCitizen().subject();
        String proof = pinProof(subject);
        String bearer = citizenJwt(subject);
        HostileInput.mutationsOf(proof).sampleStream().limit(120).forEach(mutated -> HostileInput
                .assertSuccessOrProblem(given().auth().oauth2(bearer).contentType(ContentType.JSON)
                        .body(("{\"pinProof\":" + HostileInput.quote(mutated) + "}").getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/qr-tokens"), mutated));
        HostileInput.mutationsOf(bearer).sampleStream().limit(120).forEach(mutated -> HostileInput
                .assertSuccessOrProblem(given().header("Authorization", "Bearer " + mutated).contentType(ContentType.JSON)
                        .body(Map.of("pinProof", proof)).post("/api/v1/qr-tokens"), mutated));
    }

    /** A real relying party's access token, as a relying party gets it. */
    private static String verifierToken() {
        String clientId = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = given().auth().oauth2(adminJwt()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Uji Masukan", "scopes", List.of("ikd.name")))
                .post("/api/v1/admin/relying-parties").then().statusCode(201).extract().path("clientSecret");
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/relying-party/tokens").then().statusCode(200).extract().path("access_token");
    }
}
