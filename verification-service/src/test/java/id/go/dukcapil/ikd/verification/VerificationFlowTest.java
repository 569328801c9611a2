package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class VerificationFlowTest {

    private static final String BAGUS = "3171011212000001";
    private static final String MARIA = "3171017004980001";
    private static final String SUPARMAN_DECEASED = "3171010303450001";

    private static final Map<String, Object> APPROVE = Map.of("decision", "APPROVED", "channel", "COUNTER",
            "ktpElChecked", true);

    /** Waits until the case of a registration is in the office's queue; returns its id. */
    static String awaitQueued(String token, UUID registrationId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .get("/api/v1/operator/cases").then().statusCode(200).extract().jsonPath()
                .<String>getString("find { it.registrationId == '" + registrationId + "' }.caseId"),
                id -> id != null);
    }

    static io.restassured.response.ValidatableResponse scan(String token, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/operator/scans")
                .then();
    }

    static io.restassured.response.ValidatableResponse decide(String token, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/operator/cases/" + caseId + "/decision").then();
    }

    @Test
    void aSubmittedRegistrationIsScannedAndApprovedWithTheRegistrysAttributes() {
        String operator = TestSupport.login("demo.operator");
        String otherOffice = TestSupport.login("tapin.operator");
        String admin = TestSupport.login("admin");
        Registration registration;
        try (TopicProbe decisions = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            registration = TestSupport.submit(BAGUS);
            String caseId = awaitQueued(operator, registration.registrationId());
            given().auth().oauth2(otherOffice).get("/api/v1/operator/cases").then().statusCode(200)
                    .body("caseId", not(hasItem(caseId)));

            // the role decides who may scan at all
            scan(admin, Map.of("shortCode", registration.shortCode())).statusCode(403).body("code", equalTo("FORBIDDEN"));
            // typed lower case, as an operator might
            scan(operator, Map.of("shortCode", registration.shortCode().toLowerCase())).statusCode(200)
                    .body("caseId", equalTo(caseId))
                    .body("status", equalTo("IN_REVIEW"))
                    .body("registration.nik", equalTo(BAGUS))
                    .body("registry.fullName", equalTo("BAGUS WICAKSONO"))
                    .body("registry.ktpElStatus", equalTo("PRINTED"))
                    .body("flags", empty())
                    .body("approvalBlocked", equalTo(false));

            // another office can neither take nor see nor decide the case now
            scan(otherOffice, Map.of("shortCode", registration.shortCode())).statusCode(403)
                    .body("code", equalTo("CASE_OF_ANOTHER_OFFICE"));
            given().auth().oauth2(otherOffice).get("/api/v1/operator/cases/" + caseId).then().statusCode(403);
            decide(otherOffice, caseId, APPROVE).statusCode(403).body("code", equalTo("CASE_OF_ANOTHER_OFFICE"));

            decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", false))
                    .statusCode(422).body("code", equalTo("KTP_EL_NOT_CHECKED"));
            decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "VIDEO_CALL", "ktpElChecked", true))
                    .statusCode(422).body("code", equalTo("CALL_REFERENCE_REQUIRED"));
            decide(operator, caseId, Map.of("decision", "MAYBE", "channel", "COUNTER", "ktpElChecked", true))
                    .statusCode(400);

            // sent with an Idempotency-Key, the decision sent again (its answer was lost) answers as the first did
            String key = UUID.randomUUID().toString();
            for (int send = 0; send < 2; send++) {
                given().auth().oauth2(operator).contentType(ContentType.JSON).header("Idempotency-Key", key).body(APPROVE)
                        .post("/api/v1/operator/cases/" + caseId + "/decision").then().statusCode(200)
                        .body("caseId", equalTo(caseId)).body("status", equalTo("APPROVED"));
            }
            decide(operator, caseId, APPROVE).statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("CASE_ALREADY_DECIDED"));

            ConsumerRecord<String, String> record = decisions.await(
                    r -> registration.registrationId().toString().equals(r.key())
                            && EventType.VERIFICATION_DECIDED.type().equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(decisions.collect(r -> registration.registrationId().toString().equals(r.key())
                    && EventType.VERIFICATION_DECIDED.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(2)))
                    .as("one decision, however often it was sent").hasSize(1);
            VerificationDecided decided = EventJson.read(record.value(), VerificationDecided.class);
            assertThat(decided.decision()).isEqualTo(Decision.APPROVED);
            assertThat(decided.caseId()).hasToString(caseId);
            assertThat(decided.attributes().nik()).isEqualTo(BAGUS);
            assertThat(decided.attributes().fullName()).isEqualTo("BAGUS WICAKSONO");
            assertThat(decided.attributes().districtCode()).isEqualTo("31.71.01");
            assertThat(decided.attributes().ktpElStatus()).isEqualTo("PRINTED");
            assertThat(decided.attributes().photoSha256()).hasSize(64);
            assertThat(decided.deviceKeyJwk()).isEqualTo(TestSupport.DEVICE_JWK);
            assertThat(decided.email()).isEqualTo("warga+" + registration.registrationId() + "@example.id");
            assertThat(decided.language()).isEqualTo("id");
            assertThat(decided.office().officeCode()).isEqualTo("3171-DEMO");
            assertThat(decided.channel()).hasToString("COUNTER");
            assertThat(decided.operatorRef()).doesNotContain("demo.operator");
        }
        given().auth().oauth2(operator).get("/api/v1/operator/cases").then().statusCode(200)
                .body("registrationId", not(hasItem(registration.registrationId().toString())));
    }

    @Test
    void theSignedCounterQrWorksAndARejectionCarriesItsReasonButNoAttributes() {
        String operator = TestSupport.login("demo.operator");
        try (TopicProbe decisions = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            Registration registration = TestSupport.submit(MARIA);
            String caseId = awaitQueued(operator, registration.registrationId());

            String forged = TestSupport.counterJws(registration, registration.expiresAt());
            String tampered = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
            scan(operator, Map.of("qrPayload", tampered)).statusCode(400).body("code", equalTo("INVALID_COUNTER_CODE"));
            scan(operator, Map.of("qrPayload", "not-a-jws")).statusCode(400);

            scan(operator, Map.of("qrPayload", TestSupport.counterJws(registration, registration.expiresAt())))
                    .statusCode(200).body("caseId", equalTo(caseId)).body("registry.fullName", equalTo("MARIA CHRISTINA"));

            decide(operator, caseId, Map.of("decision", "REJECTED", "channel", "VIDEO_CALL", "callReference",
                    "VC-2026-0042", "ktpElChecked", true)).statusCode(422).body("code", equalTo("REASON_REQUIRED"));
            decide(operator, caseId, Map.of("decision", "REJECTED", "reasonCode", "OTHER", "channel", "COUNTER",
                    "ktpElChecked", true)).statusCode(422).body("code", equalTo("NOTE_REQUIRED"));
            decide(operator, caseId, Map.of("decision", "REJECTED", "reasonCode", "FACE_MISMATCH", "channel",
                    "VIDEO_CALL", "callReference", "VC-2026-0042", "ktpElChecked", true, "reasonNote",
                    "Wajah pada panggilan video berbeda"))
                    .statusCode(200).body("status", equalTo("REJECTED"))
                    .body("decision.reasonCode", equalTo("FACE_MISMATCH"));

            VerificationDecided decided = EventJson.read(decisions.await(
                    r -> registration.registrationId().toString().equals(r.key()), Duration.ofSeconds(30)).value(),
                    VerificationDecided.class);
            assertThat(decided.decision()).isEqualTo(Decision.REJECTED);
            assertThat(decided.reasonCode()).isEqualTo(RejectionReason.FACE_MISMATCH);
            assertThat(decided.attributes()).isNull();
            assertThat(decided.callReference()).isEqualTo("VC-2026-0042");
        }
    }

    @Test
    void onlyTheLatestUnexpiredCodeIsAccepted() {
        String operator = TestSupport.login("demo.operator");
        Registration first = TestSupport.submit(BAGUS);
        awaitQueued(operator, first.registrationId());
        Registration second = TestSupport.newCode(first.registrationId(), 2, Instant.now().plus(Duration.ofMinutes(10)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scan(operator, Map.of("shortCode", first.shortCode()))
                .statusCode(410).body("code", equalTo("COUNTER_CODE_SUPERSEDED")));
        scan(operator, Map.of("shortCode", "ZZZZ-ZZZZ")).statusCode(404).body("code", equalTo("COUNTER_CODE_UNKNOWN"));
        scan(operator, Map.of("shortCode", "bad code!")).statusCode(400).body("code", equalTo("INVALID_COUNTER_CODE"));

        Registration stale = TestSupport.newCode(first.registrationId(), 3, Instant.now().minus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scan(operator, Map.of("shortCode", stale.shortCode()))
                .statusCode(410).body("code", equalTo("COUNTER_CODE_EXPIRED")));
        scan(operator, Map.of("qrPayload", TestSupport.counterJws(stale, stale.expiresAt())))
                .statusCode(410).body("code", equalTo("COUNTER_CODE_EXPIRED"));
        // the second code is no longer the latest either
        scan(operator, Map.of("shortCode", second.shortCode())).statusCode(410)
                .body("code", equalTo("COUNTER_CODE_SUPERSEDED"));
    }

    @Test
    void aWithdrawnRegistrationIsAStaleCase() {
        String operator = TestSupport.login("demo.operator");
        Registration registration = TestSupport.submit(BAGUS);
        String caseId = awaitQueued(operator, registration.registrationId());
        scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        TestSupport.publish(new RegistrationWithdrawn(registration.registrationId(), WithdrawalReason.CITIZEN_REQUEST,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator)
                .get("/api/v1/operator/cases/" + caseId).then().body("status", equalTo("WITHDRAWN")));
        decide(operator, caseId, APPROVE).statusCode(409).body("code", equalTo("CASE_CLOSED"));
        scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(409).body("code", equalTo("CASE_CLOSED"));
    }

    @Test
    void twoOperatorsDecidingAtOnceGetOneDecision() throws Exception {
        String operator = TestSupport.login("demo.operator");
        String supervisor = TestSupport.login("demo.supervisor");
        Registration registration = TestSupport.submit(MARIA);
        String caseId = awaitQueued(operator, registration.registrationId());
        scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> decide(operator, caseId, APPROVE).extract().statusCode());
            var second = pool.submit(() -> decide(supervisor, caseId, Map.of("decision", "REJECTED", "reasonCode",
                    "DATA_MISMATCH", "channel", "COUNTER", "ktpElChecked", true)).extract().statusCode());
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + caseId).then()
                .body("decision.outcome", org.hamcrest.Matchers.oneOf("APPROVED", "REJECTED"));
    }

    @Test
    void theRegistryBlocksApprovalOfADeceasedResident() {
        String operator = TestSupport.login("demo.operator");
        Registration registration = TestSupport.submit(SUPARMAN_DECEASED);
        String caseId = awaitQueued(operator, registration.registrationId());
        scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200)
                .body("flags.code", hasItem("DECEASED")).body("approvalBlocked", equalTo(true));
        decide(operator, caseId, APPROVE).statusCode(422).body("code", equalTo("APPROVAL_BLOCKED"))
                .body("flags", hasItem("DECEASED"));
        decide(operator, caseId, Map.of("decision", "REJECTED", "reasonCode", "DECEASED", "channel", "COUNTER",
                "ktpElChecked", false)).statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void aRedeliveredOrRepeatedSubmissionOpensOneCase() {
        String operator = TestSupport.login("demo.operator");
        UUID registrationId = UUID.randomUUID();
        var event = new id.go.dukcapil.ikd.events.RegistrationSubmitted(registrationId, BAGUS, "w@example.id",
                "+6281234567890", "en", TestSupport.DEVICE_JWK, "thumb", "UNUSED", "b".repeat(64), Instant.now(), null);
        String eventId = UUID.randomUUID().toString();
        TestSupport.publish(event, eventId);
        TestSupport.publish(event, eventId);
        TestSupport.publish(event); // same fact, new event id
        awaitQueued(operator, registrationId);
        // a marker event behind the duplicates on the same partition: once it is in, they were all handled
        Registration marker = TestSupport.newCode(registrationId, 1, Instant.now().plus(Duration.ofMinutes(10)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scan(operator, Map.of("shortCode", marker.shortCode()))
                .statusCode(200));
        List<String> ids = given().auth().oauth2(operator).get("/api/v1/operator/cases").then().extract().jsonPath()
                .getList("findAll { it.registrationId == '" + registrationId + "' }.caseId");
        assertThat(ids).hasSize(1);
    }

    @Test
    void activationCompletesTheCaseAndASupersedingRegistrationClosesTheOldOne() {
        String operator = TestSupport.login("demo.operator");
        Registration registration = TestSupport.submit(BAGUS);
        String caseId = awaitQueued(operator, registration.registrationId());
        scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        decide(operator, caseId, APPROVE).statusCode(200);
        TestSupport.publish(new IdentityActivated(UUID.randomUUID(), registration.registrationId(), "subject-1",
                new VerifiedAttributes(BAGUS, "BAGUS WICAKSONO", "JAKARTA PUSAT", java.time.LocalDate.of(2000, 12, 12),
                        "LAKI-LAKI", "JL. MEDAN MERDEKA BARAT NO. 9", null, null, "31.71.01", null, null, null, null,
                        null, null, null, "PRINTED", null),
                "thumb", Instant.now(), "w@example.id", "+6281234567890", "id",
                new OfficeContact("3171-DEMO", "Kantor Demo IKD", null, null, null, null, null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator)
                .get("/api/v1/operator/cases/" + caseId).then().body("status", equalTo("ACTIVATED")));
        given().auth().oauth2(operator).get("/api/v1/operator/service-log").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.action", hasItems("ACTIVATED", "COMPLETED"))
                .body("find { it.caseId == '" + caseId + "' && it.action == 'COMPLETED' }.standardSeconds",
                        equalTo(50 * 60));

        Registration older = TestSupport.submit(MARIA);
        String olderCase = awaitQueued(operator, older.registrationId());
        Registration newer = TestSupport.submit(MARIA, older.registrationId());
        awaitQueued(operator, newer.registrationId());
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + olderCase).then()
                .body("status", equalTo("SUPERSEDED"));
        scan(operator, Map.of("shortCode", older.shortCode())).statusCode(409).body("code", equalTo("CASE_CLOSED"));
    }

    @Test
    void theServiceLogRecordsEachStepAgainstTheStandard() {
        String operator = TestSupport.login("demo.operator");
        Registration registration = TestSupport.submit(BAGUS);
        String caseId = awaitQueued(operator, registration.registrationId());
        scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        decide(operator, caseId, APPROVE).statusCode(200);

        given().auth().oauth2(operator).get("/api/v1/operator/service-log").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.action", hasItems("CASE_OPENED", "SCANNED", "DECIDED"))
                .body("find { it.caseId == '" + caseId + "' && it.action == 'DECIDED' }.standardSeconds", equalTo(300))
                .body("find { it.caseId == '" + caseId + "' && it.action == 'DECIDED' }.withinStandard", equalTo(true))
                .body("find { it.caseId == '" + caseId + "' && it.action == 'DECIDED' }.operator", equalTo("demo.operator"));
        String csv = given().auth().oauth2(operator).get("/api/v1/operator/service-log/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("waktu_lokal_local_time,zona_zone,kantor_office,petugas_operator,kasus_case");
        assertThat(csv).contains(caseId + "," + registration.registrationId() + ",Diputuskan / Decided,3,");
        // the demo office is in Jakarta: its times carry WIB's offset, and no line holds a raw code
        assertThat(csv.lines().skip(1)).isNotEmpty().allMatch(line -> line.contains("+07:00,WIB,3171-DEMO,"))
                .noneMatch(line -> line.contains(",DECIDED,") || line.contains(",APPROVED") || line.contains(",true,"));
        given().auth().oauth2(operator).get("/api/v1/operator/service-log?office=6305-DISDUKCAPIL").then()
                .statusCode(403);
        given().auth().oauth2(operator).get("/api/v1/operator/service-log?date=yesterday").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        given().auth().oauth2(operator).get("/api/v1/operator/sla-report").then().statusCode(200)
                .body("offices.officeCode", equalTo(List.of("3171-DEMO")))
                .body("offices[0].timeZone", equalTo("WIB"))
                .body("offices[0].steps.find { it.action == 'DECIDED' }.standardSeconds", equalTo(300))
                .body("offices[0].approved", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(TestSupport.login("admin")).get("/api/v1/operator/sla-report?from=2026-01-01&to=2025-01-01")
                .then().statusCode(400).body("code", equalTo("INVALID_DATE_RANGE"));
    }
}
