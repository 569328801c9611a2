package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.adminJwt;
import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Relying parties: registered by an admin, client credentials for a verifier token, scopes. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class RelyingPartyTest {

    private static String register(String clientId, List<String> scopes) {
        return given().auth().oauth2(adminJwt()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Bank Contoh", "scopes", scopes))
                .post("/api/v1/admin/relying-parties").then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("clientId", equalTo(clientId))
                .extract().path("clientSecret");
    }

    private static io.restassured.response.Response tokenRequest(String clientId, String secret) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/relying-party/tokens");
    }

    @Test
    void aRegisteredClientGetsAVerifierTokenAndSeesOnlyItsScope() {
        String clientId = "bank-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = register(clientId, List.of("ikd.name"));
        String accessToken = tokenRequest(clientId, secret).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600))
                .body("scope", equalTo("ikd.name")).extract().path("access_token");
        given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/api/v1/relying-party/tokens").then()
                .statusCode(200);

        String token = mint(activatedCitizen());
        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/verifications").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("attributes.fullName", equalTo("SITI AMINAH"))
                .body("attributes.size()", equalTo(1));

        given().auth().oauth2(adminJwt()).get("/api/v1/admin/relying-parties").then().statusCode(200)
                .body("clientId", hasItem(clientId)).body("clientSecret", not(hasItem(secret)));
    }

    @Test
    void wrongOrDisabledCredentialsGetNothing() {
        String clientId = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = register(clientId, List.of("ikd.name", "ikd.birthdate"));
        tokenRequest(clientId, secret + "x").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("INVALID_CLIENT"));
        tokenRequest("nobody", secret).then().statusCode(401).body("code", equalTo("INVALID_CLIENT"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("client_secret", secret).post("/api/v1/relying-party/tokens").then().statusCode(400)
                .body("code", equalTo("UNSUPPORTED_GRANT_TYPE"));

        given().auth().oauth2(adminJwt()).delete("/api/v1/admin/relying-parties/" + clientId).then().statusCode(200)
                .body("enabled", equalTo(false));
        tokenRequest(clientId, secret).then().statusCode(401).body("code", equalTo("INVALID_CLIENT"));
    }

    @Test
    void disablingAClientEndsTheAccessTokensItHoldsAtOnce() {
        String clientId = "lender-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = register(clientId, List.of("ikd.name"));
        String accessToken = tokenRequest(clientId, secret).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("token", mint(activatedCitizen())))
                .post("/api/v1/verifications").then().statusCode(200).body("valid", equalTo(true));

        given().auth().oauth2(adminJwt()).delete("/api/v1/admin/relying-parties/" + clientId).then().statusCode(200);
        // the token has most of its hour left, and it verified a moment ago: now it opens nothing, and the
        // QR it presents is not used up
        String qr = mint(activatedCitizen());
        given().auth().oauth2(accessToken).contentType(ContentType.JSON).body(Map.of("token", qr))
                .post("/api/v1/verifications").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("RELYING_PARTY_DISABLED"));
        given().auth().oauth2(Fixtures.verifierJwt("bank-test", "ikd.name")).contentType(ContentType.JSON)
                .body(Map.of("token", qr)).post("/api/v1/verifications").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void theDocumentedDemoClientWorksLocally() {
        tokenRequest("demo-verifier", "demo-verifier-secret").then().statusCode(200)
                .body("scope", equalTo("ikd.birthdate ikd.name ikd.nik ikd.photo"));
    }

    @Test
    void registrationIsForAdminsAndChecked() {
        String clientId = "hospital-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(adminJwt()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "RS", "scopes", List.of("ikd.everything")))
                .post("/api/v1/admin/relying-parties").then().statusCode(400).body("code", equalTo("UNKNOWN_SCOPE"));
        given().auth().oauth2(adminJwt()).contentType(ContentType.JSON)
                .body(Map.of("clientId", "Not Valid!", "name", "RS", "scopes", List.of("ikd.name")))
                .post("/api/v1/admin/relying-parties").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        register(clientId, List.of("ikd.name"));
        given().auth().oauth2(adminJwt()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "RS", "scopes", List.of("ikd.name")))
                .post("/api/v1/admin/relying-parties").then().statusCode(409).body("code", equalTo("RELYING_PARTY_EXISTS"));
        given().auth().oauth2(Fixtures.verifierJwt("bank", "ikd.name")).contentType(ContentType.JSON)
                .body(Map.of("clientId", "x-1", "name", "RS", "scopes", List.of("ikd.name")))
                .post("/api/v1/admin/relying-parties").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(adminJwt()).delete("/api/v1/admin/relying-parties/no-such-client").then().statusCode(404)
                .body("code", equalTo("RELYING_PARTY_NOT_FOUND"));
    }
}
