package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.testing.HostileInput;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * Issue 14, bad input at activation-service: each answer that was a 500 (NUL in a subject, a 1 MB
 * form field on the page) or an empty 400 is a problem+json with a code and at most one log line;
 * generated JSON bodies and mutated bearer tokens never get a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class HostileInputTest {

    @Test
    void aNulInTheChallengeSubjectIsAValidationProblem() {
        HostileInput.refusal(() -> given().contentType(ContentType.JSON).body("{\"subject\":\"ikd-\\u0000x\"}")
                .post("/api/v1/citizen/session-challenges"), 400, "VALIDATION_FAILED").then()
                .body("errors.field", hasItem("subject"));
    }

    @Test
    void aMegabyteFormFieldOnThePageIsPayloadTooLarge() {
        String megabyte = "x".repeat(1_000_000);
        HostileInput.refusal(() -> given().redirects().follow(false).contentType(ContentType.URLENC).formParam("t", megabyte)
                .formParam("pin", "123456").post("/activate"), 413, "PAYLOAD_TOO_LARGE");
        HostileInput.refusal(() -> given().redirects().follow(false).contentType(ContentType.URLENC).formParam("t", megabyte)
                .post("/activate/resend"), 413, "PAYLOAD_TOO_LARGE");
        HostileInput.refusal(() -> given().redirects().follow(false).contentType(ContentType.URLENC).formParam("t", "x\u0000")
                .formParam("pin", "123456").post("/activate"), 400, "VALIDATION_FAILED");
    }

    @Test
    void wrongJsonTypesAndShapesNameTheField() {
        HostileInput.refusal(() -> json("/api/v1/citizen/session-challenges", "{\"registrationId\":42}"), 400,
                "VALIDATION_FAILED").then().body("errors.field", hasItem("registrationId"));
        HostileInput.refusal(() -> json("/api/v1/citizen/session-challenges", "[]"), 400, "MALFORMED_REQUEST");
        HostileInput.refusal(() -> json("/api/v1/activations", "\"text\""), 400, "MALFORMED_REQUEST");
        HostileInput.refusal(() -> json("/api/v1/citizen/sessions", "{\"nonce\":[1]}"), 400, "VALIDATION_FAILED").then()
                .body("errors.field", hasItem("nonce"));
        HostileInput.refusal(() -> json("/api/v1/citizen/sessions", "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                400, "MALFORMED_REQUEST");
    }

    @Test
    void generatedJsonBodiesNeverGetA500() {
        Map<String, List<String>> endpoints = Map.of(
                "/api/v1/citizen/session-challenges", List.of("registrationId", "subject"),
                "/api/v1/citizen/sessions", List.of("nonce", "deviceSignature", "appPin"),
                "/api/v1/citizen/sessions/refresh", List.of("refreshToken", "deviceSignature"),
                "/api/v1/activations", List.of("linkToken", "pin", "captcha"),
                "/api/v1/activations/00000000-0000-0000-0000-000000000001/resend", List.of("linkToken"));
        endpoints.forEach((path, fields) -> HostileInput.json(fields).sampleStream().limit(60)
                .forEach(body -> HostileInput.assertSuccessOrProblem(json(path, body), path + " " + body)));
    }

    @Test
    void mutatedBearerTokensGetUnauthorizedProblems() {
        String citizen = Jwt.subject("ikd-hostile").audience("token-service").groups(Set.of("citizen"))
                .expiresIn(600).jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                .type(id.go.dukcapil.ikd.web.BearerTokenTypes.CITIZEN).sign();
        HostileInput.mutationsOf(citizen).sampleStream().limit(150).forEach(token -> HostileInput
                .assertSuccessOrProblem(given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                        .body("{\"appPin\":\"123456\"}".getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/citizen/pin-proofs"), token));
    }

    private static Response json(String path, String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post(path);
    }
}
