package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The selfie and the delivery log live in other services, which do not know cases: the grant this
 * service issues carries the case's office scope to them. Only an operator who may see the case
 * gets one, made out to them, their office and the case's registration.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CaseGrantTest {

    @Test
    void onlyTheOfficeHoldingTheCaseGetsAGrantForIt() throws Exception {
        String operator = TestSupport.login("demo.operator");
        String otherOffice = TestSupport.login("tapin.operator");
        Registration registration = TestSupport.submit("3171017004980001");
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);

        given().auth().oauth2(otherOffice).post("/api/v1/operator/cases/" + caseId + "/grant").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("CASE_OF_ANOTHER_OFFICE"));

        Response granted = given().auth().oauth2(operator).post("/api/v1/operator/cases/" + caseId + "/grant");
        granted.then().statusCode(200).body("header", equalTo("X-IKD-Case-Grant"))
                .body("registrationId", equalTo(registration.registrationId().toString()));
        JsonNode claims = payload(granted.path("grant"));
        JsonNode operatorClaims = payload(operator);
        assertThat(claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText())
                .isEqualTo("ikd-case-grant");
        assertThat(claims.get("sub").asText()).isEqualTo(operatorClaims.get("sub").asText());
        assertThat(claims.get("office").asText()).isEqualTo("3171-DEMO");
        assertThat(claims.get("reg").asText()).isEqualTo(registration.registrationId().toString());
        assertThat(claims.has("groups")).isFalse(); // a grant is no bearer token
        assertThat(claims.get("exp").asLong() - Instant.now().getEpochSecond()).isBetween(60L, 121L);
    }

    private static JsonNode payload(String jws) throws Exception {
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }
}
