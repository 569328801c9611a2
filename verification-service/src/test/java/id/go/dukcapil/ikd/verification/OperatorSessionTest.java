package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class OperatorSessionTest {

    @Test
    void anOperatorTokenCarriesOfficeRolesAndAShortLifetime() throws Exception {
        String token = TestSupport.login("demo.operator");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.get("office").asText()).isEqualTo("3171-DEMO");
        assertThat(claims.get("groups").toString()).contains("operator");
        assertThat(claims.get("iss").asText()).isEqualTo("https://ikd.dukcapil.go.id");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(8 * 3600);
        assertThat(claims.toString()).doesNotContain("password");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        given().contentType(ContentType.JSON).body(Map.of("username", "demo.operator", "password", "wrong-password"))
                .post("/api/v1/operator/sessions")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody.here", "password", "wrong-password"))
                .post("/api/v1/operator/sessions")
                .then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body(Map.of("username", "", "password", ""))
                .post("/api/v1/operator/sessions")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void repeatedFailuresLockTheAccountAndAnAdminUnlocksIt() {
        String admin = TestSupport.login("admin");
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "lockout.tester", "fullName", "Penguji Kunci", "officeCode", "3171-DEMO",
                        "roles", List.of("operator"), "password", "Correct-Horse-1"))
                .post("/api/v1/admin/operators")
                .then().statusCode(201).body("roles", hasItem("operator")).extract().path("id");
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", "lockout.tester", "password", "nope-" + i))
                    .post("/api/v1/operator/sessions").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", "lockout.tester", "password", "nope-5"))
                .post("/api/v1/operator/sessions")
                .then().statusCode(423).body("code", equalTo("ACCOUNT_LOCKED")).body("lockedUntil", notNullValue());
        // locked: even the right password is refused
        given().contentType(ContentType.JSON).body(Map.of("username", "lockout.tester", "password", "Correct-Horse-1"))
                .post("/api/v1/operator/sessions").then().statusCode(423);

        given().auth().oauth2(admin).post("/api/v1/admin/operators/" + id + "/unlock")
                .then().statusCode(200).body("locked", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("username", "lockout.tester", "password", "Correct-Horse-1"))
                .post("/api/v1/operator/sessions").then().statusCode(200);
    }

    @Test
    void onlyAdminsManageOfficesAndOperators() {
        String operator = TestSupport.login("demo.operator");
        given().auth().oauth2(operator).get("/api/v1/admin/offices")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/admin/offices").then().statusCode(401);

        String admin = TestSupport.login("admin");
        given().auth().oauth2(admin).get("/api/v1/admin/offices").then().statusCode(200)
                .body("find { it.code == '6305-DISDUKCAPIL' }.approvalModel", equalTo("LOCAL"))
                .body("find { it.code == '6305-DISDUKCAPIL' }.completionMinutes", equalTo(50))
                .body("find { it.code == '1376-DISDUKCAPIL' }.approvalModel", equalTo("CENTRAL"))
                .body("find { it.code == '3513-DISDUKCAPIL' }.approvalModel", equalTo("CENTRAL"))
                .body("find { it.code == '351814-KEC-BAGOR' }.approvalModel", equalTo("LOCAL"))
                .body("find { it.code == '352417-KEC-SUKODADI' }.approvalModel", equalTo("LOCAL"));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("code", "3204-DISDUKCAPIL"),
                        Map.entry("name", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung"),
                        Map.entry("level", "REGENCY"), Map.entry("areaCode", "32.04"),
                        Map.entry("approvalModel", "LOCAL"), Map.entry("verificationMinutes", 5),
                        Map.entry("validationMinutes", 5), Map.entry("activationMinutes", 10),
                        Map.entry("completionMinutes", 60), Map.entry("phone", "022-5891234")))
                .post("/api/v1/admin/offices")
                .then().statusCode(201).body("code", equalTo("3204-DISDUKCAPIL"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", "bad code", "name", "", "level", "REGENCY", "approvalModel", "LOCAL"))
                .post("/api/v1/admin/offices")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", "x.operator", "fullName", "X", "officeCode", "NO-SUCH-OFFICE",
                        "roles", List.of("operator"), "password", "Long-enough-pass-1"))
                .post("/api/v1/admin/operators")
                .then().statusCode(404).body("code", equalTo("OFFICE_NOT_FOUND"));
    }
}
