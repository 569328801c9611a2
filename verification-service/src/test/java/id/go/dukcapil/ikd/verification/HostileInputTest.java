package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * Issue 14, bad input at verification-service: a NUL in the login name (API and portal form) is a
 * validation problem, not a 500; wrong JSON types name the field; counter codes (arbitrary strings,
 * short codes, mutations of a signed counter QR) and JSON bodies never get a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
class HostileInputTest {

    private static Response json(String path, String body, String token) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        return (token == null ? request : request.auth().oauth2(token)).post(path);
    }

    @Test
    void aNulInTheLoginNameIsAValidationProblem() {
        HostileInput.refusal(() -> json("/api/v1/operator/sessions", "{\"username\":\"demo.operator\\u0000\",\"password\":\"x\"}",
                null), 400, "VALIDATION_FAILED").then().body("errors.field", hasItem("username"));
        HostileInput.refusal(() -> given().contentType(ContentType.URLENC).formParam("username", "demo\u0000operator")
                .formParam("password", "x").post("/portal/login"), 400, "VALIDATION_FAILED").then()
                .body("errors.field", hasItem("username"));
        HostileInput.refusal(() -> json("/api/v1/operator/sessions", "{\"username\":\"a\",\"password\":[1]}", null), 400,
                "VALIDATION_FAILED").then().body("errors.field", hasItem("password"));
        HostileInput.refusal(() -> json("/api/v1/operator/sessions", "[\"demo.operator\"]", null), 400, "MALFORMED_REQUEST");
    }

    @Test
    void counterCodesNeverGetA500() {
        String operator = TestSupport.login("demo.operator");
        TestSupport.Registration someone = new TestSupport.Registration(UUID.randomUUID(), UUID.randomUUID(),
                TestSupport.shortCode(), Instant.now().plus(Duration.ofMinutes(10)), 1);
        String counterQr = TestSupport.counterJws(someone, someone.expiresAt());
        Arbitraries.oneOf(HostileInput.mutationsOf(counterQr), Arbitraries.strings().ofMaxLength(100))
                .sampleStream().limit(150).forEach(payload -> HostileInput.assertSuccessOrProblem(json(
                        "/api/v1/operator/scans", "{\"qrPayload\":" + HostileInput.quote(payload) + "}", operator),
                        payload));
        Arbitraries.oneOf(HostileInput.mutationsOf(someone.shortCode()), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("23456789ABCDEFGHJKLMNPQRSTUVWXYZ-abc01O \u0000").ofMaxLength(12))
                .sampleStream().limit(150).forEach(code -> HostileInput.assertSuccessOrProblem(json(
                        "/api/v1/operator/scans", "{\"shortCode\":" + HostileInput.quote(code) + "}", operator), code));
    }

    @Test
    void generatedJsonBodiesNeverGetA500() {
        String operator = TestSupport.login("demo.operator");
        HostileInput.json(List.of("username", "password")).sampleStream().limit(60).forEach(body -> HostileInput
                .assertSuccessOrProblem(json("/api/v1/operator/sessions", body, null), body));
        HostileInput.json(List.of("qrPayload", "shortCode")).sampleStream().limit(60).forEach(body -> HostileInput
                .assertSuccessOrProblem(json("/api/v1/operator/scans", body, operator), body));
        HostileInput.json(List.of("decision", "reasonCode", "reasonNote", "channel", "callReference", "ktpElChecked")).sampleStream().limit(60)
                .forEach(body -> HostileInput.assertSuccessOrProblem(json("/api/v1/operator/cases/"
                        + UUID.randomUUID() + "/decision", body, operator), body));
    }
}
