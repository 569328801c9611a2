package id.go.dukcapil.ikd.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.ForeignTokens;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Only operators' tokens read delivery status: any other suite-signed token gets 401, whatever its groups. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class BearerTokenKindsTest {

    @Test
    void suiteSignedTokensOfAnotherKindOrAudienceGet401() {
        String path = "/api/v1/notifications?registrationId=" + UUID.randomUUID();
        ForeignTokens.forService(List.of(BearerTokenTypes.OPERATOR), "ikd", "admin", "operator")
                .forEach((kind, token) -> given().auth().oauth2(token).get(path).then().statusCode(401)
                        .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED")));
        given().auth().oauth2(ForeignTokens.sign(BearerTokenTypes.OPERATOR, "ikd", List.of("admin"), java.util.Map.of()))
                .get(path).then().statusCode(200);
    }
}
