package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.ForeignTokens;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Only operators' tokens open the operator endpoints: the counter-code payload this service signs
 * with the suite key, or any other suite-signed token, gets 401 whatever groups it claims.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class BearerTokenKindsTest {

    @Test
    void theCounterCodeAndOtherKindsOfTokenGet401() {
        Response registered = Citizens.register(Citizens.form(Citizens.nik()));
        registered.then().statusCode(202);
        String selfie = "/api/v1/registrations/" + registered.path("registrationId") + "/selfie";
        String counterCode = registered.path("counterCode.payload");
        given().auth().oauth2(counterCode).get(selfie).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        ForeignTokens.forService(List.of(BearerTokenTypes.OPERATOR), "ikd", "operator", "supervisor")
                .forEach((kind, token) -> given().auth().oauth2(token).get(selfie).then().statusCode(401)
                        .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED")));
    }
}
