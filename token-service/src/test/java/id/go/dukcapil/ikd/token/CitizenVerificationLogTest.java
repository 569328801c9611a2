package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The citizen sees every check of their own QR: who, when, what it learned, the verdict; nobody else's. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class CitizenVerificationLogTest {

    @Test
    void theCitizenSeesWhoCheckedTheirQrAndWhatItLearned() {
        Citizen citizen = Fixtures.activatedCitizen();
        String token = mint(citizen);
        String valid = verify(token, "bank-log", "ikd.name ikd.birthdate").body("valid", equalTo(true))
                .extract().path("reference");
        String replayed = verify(token, "bank-log", "ikd.name ikd.birthdate").body("valid", equalTo(false))
                .extract().path("reference");

        given().auth().oauth2(Fixtures.citizenJwt(citizen.subject())).get("/api/v1/citizen/verifications")
                .then().statusCode(200)
                .body("reference", contains(replayed, valid))
                .body("[1].relyingParty", equalTo("bank-log"))
                .body("[1].relyingPartyName.id", equalTo("Test client"))
                .body("[1].disclosed", equalTo(List.of("ikd.name", "ikd.birthdate")))
                .body("[1].disclosedWords.id", equalTo(List.of("nama lengkap", "tanggal lahir")))
                .body("[1].disclosedWords.en", equalTo(List.of("full name", "date of birth")))
                .body("[1].verdict", equalTo("VALID"))
                .body("[1].verdictWords.id", startsWith("Sah"))
                .body("[0].verdict", equalTo("REPLAYED"))
                .body("[0].disclosed", empty())
                .body("[0].verdictWords.en", startsWith("Refused: This QR code has already been checked"));

        Citizen other = Fixtures.activatedCitizen();
        given().auth().oauth2(Fixtures.citizenJwt(other.subject())).get("/api/v1/citizen/verifications")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void onlyACitizenSessionOpensTheLog() {
        given().get("/api/v1/citizen/verifications").then().statusCode(401);
        given().auth().oauth2(Fixtures.verifierJwt("bank-log", "ikd.name")).get("/api/v1/citizen/verifications")
                .then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse verify(String token, String clientId, String scope) {
        return given().auth().oauth2(Fixtures.verifierJwt(clientId, scope)).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/api/v1/verifications").then().statusCode(200);
    }
}
