package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.awt.Color;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The built-in default: no face-match score, and the case page says why (no recognition model), in both languages. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class FaceMatchDefaultTest {

    @Test
    void withoutAProviderThePageSaysWhyThereIsNoScore() {
        String caseId = FaceMatchSupport.scannedCase(FaceMatchSupport.selfie(Color.MAGENTA));
        given().cookie("ikd_operator_session", PortalLogin.session("demo.operator")).get("/portal/cases/" + caseId)
                .then().statusCode(200)
                .body(containsString("data-outcome=\"NOT_PROVIDED\""))
                .body(containsString("Skor kemiripan wajah tidak tersedia"))
                .body(containsString("Face-match score unavailable"))
                .body(containsString("OpenCV Haar cascade"))
                .body(containsString("pengenalan wajah Dukcapil"))
                .body(not(containsString("face-match-score")));
        given().auth().oauth2(TestSupport.login("demo.operator")).get("/api/v1/operator/cases/" + caseId + "/face-match")
                .then().statusCode(200).body("outcome", equalTo("NOT_PROVIDED"));
    }
}
