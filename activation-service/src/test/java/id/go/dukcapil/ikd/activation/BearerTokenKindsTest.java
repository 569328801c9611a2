package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.testing.ForeignTokens;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Citizens' endpoints take citizens' tokens and operators' endpoints operators' tokens, nothing
 * else: a relying party's token, the counter-code payload or an untyped suite-signed JWT gets 401,
 * whatever groups it claims.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class BearerTokenKindsTest {

    private static final List<String> ACCEPTED = List.of(BearerTokenTypes.OPERATOR, BearerTokenTypes.CITIZEN);

    @Test
    void suiteSignedTokensOfAnotherKindOrAudienceGet401() {
        ForeignTokens.forService(ACCEPTED, "token-service", "citizen").forEach((kind, token) -> given()
                .auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("appPin", "123456"))
                .post("/api/v1/citizen/pin-proofs").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED")));
        ForeignTokens.forService(ACCEPTED, "ikd", "operator", "admin").forEach((kind, token) -> given()
                .auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nik", "3171011212000001", "reason", "OPERATOR"))
                .post("/api/v1/operator/identity-revocations").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED")));
    }
}
