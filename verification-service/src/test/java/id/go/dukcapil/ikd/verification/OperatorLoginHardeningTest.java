package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * Operator login under attack: an unknown username locks exactly like a real one (so the answers
 * do not tell which usernames exist), a burst of logins is bounded by the password-hash bulkhead
 * (503 SERVICE_BUSY with Retry-After, never a 500, and the service stays up), and only operator
 * tokens open the API.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
class OperatorLoginHardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/operator/sessions")
    URL sessions;

    @Test
    void anUnknownUsernameLocksLikeARealOneWithTheSameAnswers() {
        String real = "probe." + UUID.randomUUID().toString().substring(0, 8);
        String ghost = "ghost." + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestSupport.login("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", real, "fullName", "Penguji", "officeCode", "3171-DEMO",
                        "roles", List.of("operator"), "password", "Correct-Horse-1"))
                .post("/api/v1/admin/operators").then().statusCode(201);

        List<Long> realMillis = new ArrayList<>();
        List<Long> ghostMillis = new ArrayList<>();
        // five failures lock both; a sixth attempt, with any password, is refused as locked for both
        for (int attempt = 1; attempt <= 6; attempt++) {
            Response forReal = login(real, "wrong-" + attempt);
            Response forGhost = login(ghost, "wrong-" + attempt);
            int expected = attempt < 5 ? 401 : 423;
            assertThat(forReal.statusCode()).as("real, attempt %d", attempt).isEqualTo(expected);
            assertThat(forGhost.statusCode()).as("unknown, attempt %d", attempt).isEqualTo(expected);
            assertThat(shape(forGhost)).isEqualTo(shape(forReal));
            assertThat(forGhost.contentType()).isEqualTo(forReal.contentType()).startsWith("application/problem+json");
            if (attempt < 5) {
                realMillis.add(forReal.time());
                ghostMillis.add(forGhost.time());
            } else {
                assertThat(forGhost.jsonPath().getString("code")).isEqualTo("ACCOUNT_LOCKED");
                assertThat(Instant.parse(forGhost.jsonPath().getString("lockedUntil"))).isAfter(Instant.now());
            }
        }
        // an unknown username costs a password hash too (against a decoy): not a quick "no such user"
        assertThat(median(ghostMillis)).isGreaterThanOrEqualTo(median(realMillis) / 3);
        // the username is matched as the login form normalises it
        assertThat(login(ghost.toUpperCase(), "wrong").statusCode()).isEqualTo(423);
    }

    @Test
    void fiftyConcurrentLoginsAreBoundedNotFatal() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String body = JSON.writeValueAsString(Map.of("username", "demo.supervisor", "password", TestSupport.DEMO_PASSWORD));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(sessions.toString()))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> future : answers) {
            HttpResponse<String> answer = future.get();
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 503);
            if (answer.statusCode() == 200) {
                ok++;
                continue;
            }
            busy++;
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("code").asText()).isEqualTo("SERVICE_BUSY");
            assertThat(problem.get("bulkhead").asText()).isEqualTo("password-hash");
        }
        assertThat(ok).isPositive();
        assertThat(busy).as("logins beyond the bulkhead's places are refused").isPositive();
        // and the service is still up
        TestSupport.login("demo.operator");
    }

    @Test
    void onlyOperatorTokensOpenTheApi() {
        Instant expires = Instant.now().plusSeconds(600);
        String counterCode = TestSupport.counterJws(new TestSupport.Registration(UUID.randomUUID(), UUID.randomUUID(),
                TestSupport.shortCode(), expires, 1), expires);
        String untypedOperator = operator().jws().sign();
        String oldTypeOperator = operator().jws().type("JWT").sign();
        String operatorForTokenService = Jwt.issuer(IkdTestResource.ISSUER).subject(UUID.randomUUID().toString())
                .upn("demo.operator").audience("token-service").groups("operator").claim("office", "3171-DEMO")
                .expiresIn(600).jws().type(BearerTokenTypes.OPERATOR).sign();
        String citizen = Jwt.issuer(IkdTestResource.ISSUER).subject("sub-1").audience("ikd").groups("operator")
                .expiresIn(600).jws().type(BearerTokenTypes.CITIZEN).sign();
        for (String token : List.of(counterCode, untypedOperator, oldTypeOperator, operatorForTokenService, citizen)) {
            given().auth().oauth2(token).get("/api/v1/operator/cases").then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
            // nor as the portal's session cookie
            given().redirects().follow(false).cookie("ikd_operator_session", token).get("/portal/queue").then()
                    .statusCode(303);
        }
        given().auth().oauth2(TestSupport.login("demo.operator")).get("/api/v1/operator/cases").then().statusCode(200);
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder operator() {
        return Jwt.issuer(IkdTestResource.ISSUER).subject(UUID.randomUUID().toString()).upn("demo.operator")
                .audience("ikd").groups("operator").claim("office", "3171-DEMO").expiresIn(600);
    }

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/operator/sessions");
    }

    /** What a client can compare between two answers: status, code, title, detail and which fields there are. */
    private static List<Object> shape(Response response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        fields.sort(null);
        fields.removeAll(List.of("instance", "traceId", "lockedUntil"));
        return List.of(response.statusCode(), body.path("code").asText(), body.path("title").asText(),
                body.path("detail").asText(), fields, body.has("lockedUntil"));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
