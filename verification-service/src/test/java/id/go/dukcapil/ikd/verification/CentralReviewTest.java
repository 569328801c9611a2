package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.CentralReviewChanged;
import id.go.dukcapil.ikd.events.CentralReviewState;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Central review, properly (issue 17, items 5 and 8): "return to office" with a note, the central
 * queue by region with due times, and CentralReviewChanged for the citizen's timeline.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CentralReviewTest {

    private static final String RIZKY_PAYAKUMBUH = "1376020505880001";
    private static final String NUR_PROBOLINGGO = "3513194909920001";
    private static final Map<String, Object> APPROVE = Map.of("decision", "APPROVED", "channel", "COUNTER",
            "ktpElChecked", true);

    static ValidatableResponse returnCase(String token, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/operator/cases/" + caseId + "/return").then();
    }

    static JsonPath centralQueue(String token) {
        return given().auth().oauth2(token).get("/api/v1/operator/central-queue").then().statusCode(200).extract()
                .jsonPath();
    }

    private static String submitted(String operator, Registration registration) {
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        VerificationFlowTest.decide(operator, caseId, APPROVE).statusCode(200).body("status", equalTo("AWAITING_CENTRAL"))
                .body("centralReview.dueAt", notNullValue());
        return caseId;
    }

    @Test
    void theCentralVerifierReturnsACaseWithANoteAndTheOfficeDecidesAgain() {
        String operator = TestSupport.login("payakumbuh.operator");
        String supervisorElsewhere = TestSupport.login("demo.supervisor");
        String centralVerifier = TestSupport.login("pusat.verifikator");
        try (TopicProbe verification = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            Registration registration = TestSupport.submit(RIZKY_PAYAKUMBUH);
            String caseId = submitted(operator, registration);
            String note = "Foto KTP-el buram; mohon periksa ulang wajah pemohon lewat panggilan video.";

            // roles: the operator is no supervisor, a supervisor of another office no central verifier
            returnCase(operator, caseId, Map.of("note", note)).statusCode(403).body("code", equalTo("FORBIDDEN"));
            returnCase(supervisorElsewhere, caseId, Map.of("note", note)).statusCode(403)
                    .body("code", equalTo("NOT_A_CENTRAL_VERIFIER"));
            given().auth().oauth2(supervisorElsewhere).get("/api/v1/operator/central-queue").then().statusCode(403)
                    .body("code", equalTo("NOT_A_CENTRAL_VERIFIER"));
            // a note is required
            returnCase(centralVerifier, caseId, Map.of()).statusCode(422).body("code", equalTo("RETURN_NOTE_REQUIRED"));
            returnCase(centralVerifier, caseId, Map.of("note", "   ")).statusCode(422)
                    .body("code", equalTo("RETURN_NOTE_REQUIRED"));
            returnCase(centralVerifier, caseId, Map.of("note", "x".repeat(501))).statusCode(400);

            // the case is in the central queue, in its province, with a due time and working time left
            JsonPath queue = centralQueue(centralVerifier);
            assertThat(queue.getList("regions.find { it.provinceCode == '13' }.items.caseId")).contains(caseId);
            assertThat(queue.getString("regions.find { it.provinceCode == '13' }.provinceName"))
                    .isEqualTo("SUMATERA BARAT");
            Map<String, Object> item = queue.getMap("regions.find { it.provinceCode == '13' }.items.find { it.caseId == '"
                    + caseId + "' }");
            assertThat(item.get("timeZone")).isEqualTo("WIB");
            assertThat(((Number) item.get("remainingWorkingSeconds")).longValue()).isLessThanOrEqualTo(8 * 3600L);
            assertThat(Instant.parse((String) item.get("dueAt"))).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
            assertThat((String) item.get("dueLocal")).endsWith(" WIB");

            returnCase(centralVerifier, caseId, Map.of("note", note)).statusCode(200)
                    .body("status", equalTo("IN_REVIEW")).body("decision", nullValue())
                    .body("centralReview.returnNote", equalTo(note)).body("centralReview.returnCount", equalTo(1))
                    .body("centralReview.dueAt", nullValue());
            // once: it no longer awaits the central verifier, nor is it in the central queue
            returnCase(centralVerifier, caseId, Map.of("note", note)).statusCode(409)
                    .body("code", equalTo("CASE_NOT_AWAITING_CENTRAL"));
            assertThat(centralQueue(centralVerifier).getList("regions.items.flatten().caseId")).doesNotContain(caseId);

            // back in the office's queue, with the note on the case page
            given().auth().oauth2(operator).get("/api/v1/operator/cases").then().statusCode(200)
                    .body("caseId", hasItem(caseId));
            given().auth().oauth2(operator).get("/api/v1/operator/cases/" + caseId).then().statusCode(200)
                    .body("status", equalTo("IN_REVIEW")).body("centralReview.returnNote", equalTo(note))
                    .body("centralReview.returnedAt", notNullValue());
            // recorded in the buku pelayanan of the office, as step 4 ended by the central verifier
            List<Map<String, Object>> log = given().auth().oauth2(operator)
                    .get("/api/v1/operator/service-log").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.caseId == '" + caseId + "' }");
            assertThat(log).extracting(e -> e.get("action")).containsSubsequence("SUBMITTED_FOR_CENTRAL",
                    "RETURNED_TO_OFFICE");
            Map<String, Object> returned = log.stream().filter(e -> "RETURNED_TO_OFFICE".equals(e.get("action")))
                    .findFirst().orElseThrow();
            assertThat(returned.get("note")).isEqualTo(note);
            assertThat(returned.get("operator")).isEqualTo("pusat.verifikator");
            assertThat(returned.get("sopStep")).isEqualTo(4);

            // the office decides again without a new scan; the central verifier then approves
            VerificationFlowTest.decide(operator, caseId, APPROVE).statusCode(200)
                    .body("status", equalTo("AWAITING_CENTRAL")).body("centralReview.returnCount", equalTo(1));
            given().auth().oauth2(centralVerifier).contentType(ContentType.JSON).body(Map.of("decision", "APPROVED"))
                    .post("/api/v1/operator/cases/" + caseId + "/review").then().statusCode(200)
                    .body("status", equalTo("APPROVED"));

            // the timeline's events: pending, returned, pending again, done; one decision only
            verification.await(CentralApprovalTest.decidedFor(registration), Duration.ofSeconds(30));
            List<CentralReviewState> states = verification.collect(TopicProbe.ofType(
                    EventType.CENTRAL_REVIEW_CHANGED.type()).and(r -> registration.registrationId().toString()
                            .equals(r.key())), Duration.ofSeconds(2)).stream()
                    .map(r -> EventJson.read(r.value(), CentralReviewChanged.class)).map(e -> {
                        assertThat(e.caseId()).hasToString(caseId);
                        assertThat(e.expectedBy() != null).isEqualTo(e.state() == CentralReviewState.PENDING);
                        return e.state();
                    }).toList();
            assertThat(states).containsExactly(CentralReviewState.PENDING, CentralReviewState.RETURNED,
                    CentralReviewState.PENDING, CentralReviewState.DONE);
            List<ConsumerRecord<String, String>> decided = verification.collect(
                    CentralApprovalTest.decidedFor(registration), Duration.ofSeconds(2));
            assertThat(decided).hasSize(1);
            // ids, state and times only: the note stays with the office
            assertThat(verification.collect(TopicProbe.ofType(EventType.CENTRAL_REVIEW_CHANGED.type()),
                    Duration.ofSeconds(1))).allSatisfy(r -> assertThat(r.value()).doesNotContain(note)
                            .doesNotContain(RIZKY_PAYAKUMBUH));
        }
    }

    @Test
    void aCaseThatDoesNotAwaitTheCentralVerifierCannotBeReturned() {
        String operator = TestSupport.login("probolinggo.operator");
        String centralVerifier = TestSupport.login("pusat.verifikator");
        Registration registration = TestSupport.submit(NUR_PROBOLINGGO);
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        // queued: only the office's own queue knows it
        returnCase(centralVerifier, caseId, Map.of("note", "periksa")).statusCode(409)
                .body("code", equalTo("CASE_NOT_AWAITING_CENTRAL"));
        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        VerificationFlowTest.decide(operator, caseId, APPROVE).statusCode(200);
        given().auth().oauth2(centralVerifier).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECTED", "reasonCode", "DATA_MISMATCH"))
                .post("/api/v1/operator/cases/" + caseId + "/review").then().statusCode(200);
        returnCase(centralVerifier, caseId, Map.of("note", "periksa")).statusCode(409)
                .body("code", equalTo("CASE_ALREADY_DECIDED"));
        returnCase(centralVerifier, "00000000-0000-0000-0000-000000000000", Map.of("note", "periksa"))
                .statusCode(404).body("code", equalTo("CASE_NOT_FOUND"));
    }
}
