package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static id.go.dukcapil.ikd.token.Fixtures.pinProof;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Only the kinds of bearer token meant for token-service open it: a suite-signed token of another
 * kind (a counter-code payload, an untyped JWT, an operator's token made out to token-service), a
 * PIN proof or a QR token gets 401, before any role is looked at.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class BearerTokenKindsTest {

    @Test
    void suiteSignedTokensOfTheWrongKindOrAudienceGet401() {
        Fixtures.Citizen citizen = activatedCitizen();
        String subject = citizen.subject();
        List<String> wrong = List.of(
                // the counter-code payload of registration-service: suite key, its own typ, no aud
                Jwt.issuer(IkdTestResource.ISSUER).subject(UUID.randomUUID().toString())
                        .claim("jti", UUID.randomUUID().toString()).claim("sc", "ABCD-EFGH").expiresIn(600)
                        .jws().header("typ", "ikd-counter+jwt").sign(),
                // the right claims but no explicit type, or the pre-typing "JWT"
                citizen(subject).jws().sign(),
                citizen(subject).jws().type("JWT").sign(),
                // a citizen's type made out to operators, an operator's type made out to token-service
                Jwt.issuer(IkdTestResource.ISSUER).subject(subject).audience("ikd").groups("citizen").expiresIn(600)
                        .jws().type(BearerTokenTypes.CITIZEN).sign(),
                citizen(subject).jws().type(BearerTokenTypes.OPERATOR).sign(),
                // a PIN proof and a QR token are never bearer tokens
                pinProof(subject, "ikd-pin-proof+jwt", Instant.now().plusSeconds(60)),
                mint(citizen));
        for (String token : wrong) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("pinProof", pinProof(subject)))
                    .post("/api/v1/qr-tokens").then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHORIZED"));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("token", "x"))
                    .post("/api/v1/verifications").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
            given().auth().oauth2(token).get("/api/v1/admin/relying-parties").then().statusCode(401)
                    .body("code", equalTo("UNAUTHORIZED"));
        }
        // the same claims with the citizen type open the citizen's endpoint
        given().auth().oauth2(citizen(subject).jws().type(BearerTokenTypes.CITIZEN).sign()).contentType(ContentType.JSON)
                .body(Map.of("pinProof", pinProof(subject))).post("/api/v1/qr-tokens").then().statusCode(201);
    }

    private static JwtClaimsBuilder citizen(String subject) {
        return Jwt.issuer(IkdTestResource.ISSUER).subject(subject).audience("token-service").groups("citizen")
                .expiresIn(600);
    }
}
