package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Payakumbuh and Probolinggo: the operator submits, a central verifier of Ditjen Dukcapil decides. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CentralApprovalTest {

    private static final String RIZKY_PAYAKUMBUH = "1376020505880001";
    private static final String NUR_PROBOLINGGO = "3513194909920001";

    private static io.restassured.response.ValidatableResponse review(String token, String caseId,
            Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/operator/cases/" + caseId + "/review").then();
    }

    /** The topic also carries CentralReviewChanged (the citizen's timeline) for the same key. */
    static java.util.function.Predicate<ConsumerRecord<String, String>> decidedFor(Registration registration) {
        return TopicProbe.ofType(EventType.VERIFICATION_DECIDED.type())
                .and(r -> registration.registrationId().toString().equals(r.key()));
    }

    @Test
    void anApprovalInACentralOfficeWaitsForTheCentralVerifier() {
        String operator = TestSupport.login("payakumbuh.operator");
        String officeSupervisorElsewhere = TestSupport.login("demo.supervisor");
        String centralVerifier = TestSupport.login("pusat.verifikator");
        try (TopicProbe decisions = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            Registration registration = TestSupport.submit(RIZKY_PAYAKUMBUH);
            String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
            VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200)
                    .body("approvalModel", equalTo("CENTRAL"));
            VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER",
                    "ktpElChecked", true)).statusCode(200).body("status", equalTo("AWAITING_CENTRAL"))
                    .body("decision.state", equalTo("AWAITING_CENTRAL"));

            // the operator cannot finish it, nor can a supervisor of another office
            review(operator, caseId, Map.of("decision", "APPROVED")).statusCode(403).body("code", equalTo("FORBIDDEN"));
            review(officeSupervisorElsewhere, caseId, Map.of("decision", "APPROVED")).statusCode(403)
                    .body("code", equalTo("NOT_A_CENTRAL_VERIFIER"));
            VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER",
                    "ktpElChecked", true)).statusCode(409).body("code", equalTo("CASE_ALREADY_DECIDED"));

            given().auth().oauth2(centralVerifier).get("/api/v1/operator/cases").then().statusCode(200)
                    .body("caseId", hasItem(caseId));
            review(centralVerifier, caseId, Map.of("decision", "APPROVED")).statusCode(200)
                    .body("status", equalTo("APPROVED")).body("decision.reviewOutcome", equalTo("APPROVED"));
            review(centralVerifier, caseId, Map.of("decision", "APPROVED")).statusCode(409)
                    .body("code", equalTo("CASE_ALREADY_DECIDED"));

            ConsumerRecord<String, String> first = decisions.await(
                    decidedFor(registration), Duration.ofSeconds(30));
            VerificationDecided decided = EventJson.read(first.value(), VerificationDecided.class);
            assertThat(decided.decision()).isEqualTo(Decision.APPROVED);
            assertThat(decided.attributes().fullName()).isEqualTo("RIZKY PRATAMA");
            assertThat(decided.office().officeCode()).isEqualTo("1376-DISDUKCAPIL");
            String verifierId = given().auth().oauth2(TestSupport.login("admin")).get("/api/v1/admin/operators")
                    .then().extract().path("find { it.username == 'pusat.verifikator' }.id");
            assertThat(decided.operatorRef()).isEqualTo(verifierId);
            // the probe was open before the operator's submission: exactly one decision was ever published
            List<ConsumerRecord<String, String>> all = decisions.collect(
                    decidedFor(registration), Duration.ofSeconds(2));
            assertThat(all).hasSize(1);
        }
    }

    @Test
    void theCentralVerifierCanOverturnAnApprovalWithAReason() {
        String operator = TestSupport.login("probolinggo.operator");
        String centralVerifier = TestSupport.login("pusat.verifikator");
        try (TopicProbe decisions = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            Registration registration = TestSupport.submit(NUR_PROBOLINGGO);
            String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
            VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
            VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER",
                    "ktpElChecked", true)).statusCode(200);
            review(centralVerifier, caseId, Map.of("decision", "REJECTED")).statusCode(422)
                    .body("code", equalTo("REASON_REQUIRED"));
            review(centralVerifier, caseId, Map.of("decision", "REJECTED", "reasonCode", "DATA_MISMATCH", "note",
                    "Alamat tidak sesuai KTP-el")).statusCode(200).body("status", equalTo("REJECTED"));
            VerificationDecided decided = EventJson.read(decisions.await(
                    decidedFor(registration), Duration.ofSeconds(30)).value(),
                    VerificationDecided.class);
            assertThat(decided.decision()).isEqualTo(Decision.REJECTED);
            assertThat(decided.reasonCode()).hasToString("DATA_MISMATCH");
            assertThat(decided.reasonNote()).isEqualTo("Alamat tidak sesuai KTP-el");
            assertThat(decided.attributes()).isNull();
        }
    }
}
