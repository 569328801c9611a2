package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Remedies at the counter (issue 17, item 7): the delivery status of the citizen's messages from
 * notification-service's events, the NIK search (office scope, audit, limit) and the contact
 * correction (declarations, validation, scope, audit, ContactCorrected, limit).
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CounterRemediesTest {

    private static final String BAGUS = "3171011212000001";

    @Inject
    Pool pool;

    @Test
    void theCasePageShowsWhatReachedTheCitizenFromNotificationStatusEvents() {
        String operator = TestSupport.login("demo.operator");
        String otherOffice = TestSupport.login("tapin.operator");
        Registration registration = TestSupport.submit(BAGUS);
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        UUID email = UUID.randomUUID();
        UUID sms = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-12-03T02:00:00Z"); // 09:00 WIB
        String sameEventId = UUID.randomUUID().toString();
        NotificationStatus emailSent = status(email, registration, "ACTIVATION_CODE", NotificationChannel.EMAIL,
                DeliveryStatus.SENT, null, 1, t0);
        TestSupport.publish(emailSent, sameEventId);
        TestSupport.publish(emailSent, sameEventId); // redelivered: no second effect
        TestSupport.publish(status(sms, registration, "REGISTRATION_RECEIVED", NotificationChannel.SMS,
                DeliveryStatus.RETRYING, "gateway timeout", 1, t0.minusSeconds(600)));
        TestSupport.publish(status(sms, registration, "REGISTRATION_RECEIVED", NotificationChannel.SMS,
                DeliveryStatus.FAILED, "recipient refused", 3, t0.minusSeconds(300)));
        // an older attempt arriving late does not overwrite the newer one
        TestSupport.publish(status(sms, registration, "REGISTRATION_RECEIVED", NotificationChannel.SMS,
                DeliveryStatus.RETRYING, "gateway timeout", 2, t0.minusSeconds(400)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator)
                .get("/api/v1/operator/cases/" + caseId + "/deliveries").then().statusCode(200)
                .body("deliveries.size()", equalTo(2))
                .body("deliveries[0].notificationId", equalTo(sms.toString()))
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].attempt", equalTo(3)));
        // let the late attempt 2 and the duplicate be consumed, then the table is still the same
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .auth().oauth2(operator).get("/api/v1/operator/cases/" + caseId + "/deliveries").then()
                .statusCode(200).body("timeZone", equalTo("WIB"))
                .body("deliveries.size()", equalTo(2))
                .body("deliveries[0].status", equalTo("FAILED"))
                .body("deliveries[0].statusText.id", equalTo("Gagal terkirim"))
                .body("deliveries[0].reason", equalTo("recipient refused"))
                .body("deliveries[1].kind", equalTo("ACTIVATION_CODE"))
                .body("deliveries[1].kindText.id", equalTo("PIN aktivasi"))
                .body("deliveries[1].kindText.en", equalTo("Activation PIN"))
                .body("deliveries[1].channel", equalTo("EMAIL"))
                .body("deliveries[1].recipientMasked", equalTo("w***@example.id"))
                .body("deliveries[1].lastAtLocal", equalTo("03-12-2026 09:00 WIB")));

        given().auth().oauth2(otherOffice).get("/api/v1/operator/cases/" + caseId + "/deliveries").then()
                .statusCode(403).body("code", equalTo("CASE_OF_ANOTHER_OFFICE"));
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + UUID.randomUUID() + "/deliveries").then()
                .statusCode(404).body("code", equalTo("CASE_NOT_FOUND"));
        given().get("/api/v1/operator/cases/" + caseId + "/deliveries").then().statusCode(401);
    }

    @Test
    void aCaseIsFoundByNikOnlyInTheOperatorsOfficeAndEverySearchIsAudited() {
        String operator = TestSupport.login("demo.operator");
        String otherOffice = TestSupport.login("tapin.operator");
        Registration registration = TestSupport.submit(BAGUS);
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());

        Response found = given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("nik", BAGUS))
                .post("/api/v1/operator/case-searches");
        found.then().statusCode(200).body("cases.caseId", hasItem(caseId))
                .body("cases.find { it.caseId == '" + caseId + "' }.nikMasked", not(equalTo(BAGUS)));
        assertThat(found.asString()).doesNotContain(BAGUS);

        given().auth().oauth2(otherOffice).contentType(ContentType.JSON).body(Map.of("nik", BAGUS))
                .post("/api/v1/operator/case-searches").then().statusCode(200)
                .body("cases.caseId", not(hasItem(caseId)));

        var audit = pool.preparedQuery("""
                select actor, office_code, subject, details from audit_entry
                where kind = 'CASE_SEARCH' and actor = $1 order by seq desc limit 1""")
                .execute(Tuple.of("demo.operator")).await().indefinitely().iterator().next();
        assertThat(audit.getString("subject")).doesNotContain(BAGUS).endsWith(BAGUS.substring(14));
        assertThat(audit.getString("details")).contains(caseId).doesNotContain(BAGUS);
        given().auth().oauth2(TestSupport.login("admin")).get("/api/v1/admin/audit/verification").then()
                .statusCode(200).body("intact", equalTo(true));

        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("nik", "31710112"))
                .post("/api/v1/operator/case-searches").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void nikSearchesAreLimitedPerOperator() {
        String supervisor = TestSupport.login("demo.supervisor");
        int status = 200;
        Response last = null;
        // test limit: 5 per minute; a window boundary can reset the count once at most
        for (int i = 0; i < 12 && status != 429; i++) {
            last = given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("nik", BAGUS))
                    .post("/api/v1/operator/case-searches");
            status = last.statusCode();
        }
        assertThat(status).isEqualTo(429);
        last.then().contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertThat(last.header("Retry-After")).isNotBlank();
    }

    @Test
    void aContactIsCorrectedWithTheCitizenPresentAuditedAndAnnouncedOnce() {
        String operator = TestSupport.login("demo.operator");
        String otherOffice = TestSupport.login("tapin.operator");
        try (TopicProbe verification = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            Registration registration = TestSupport.submit(BAGUS);
            String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
            VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
            VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER",
                    "ktpElChecked", true)).statusCode(200);
            String path = "/api/v1/operator/cases/" + caseId + "/contact-corrections";
            String oldEmail = "warga+" + registration.registrationId() + "@example.id";

            correct(operator, path, Map.of("email", "baru@example.id", "citizenPresent", false, "ktpElChecked", true))
                    .statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("PRESENCE_NOT_CONFIRMED"));
            correct(operator, path, Map.of("email", "not-an-email", "citizenPresent", true, "ktpElChecked", true))
                    .statusCode(400).body("code", equalTo("EMAIL_INVALID"));
            correct(operator, path, Map.of("phone", "12345", "citizenPresent", true, "ktpElChecked", true))
                    .statusCode(400).body("code", equalTo("PHONE_INVALID"));
            correct(operator, path, Map.of("citizenPresent", true, "ktpElChecked", true))
                    .statusCode(422).body("code", equalTo("CONTACT_UNCHANGED"));
            correct(operator, path, Map.of("email", oldEmail.toUpperCase(), "citizenPresent", true,
                    "ktpElChecked", true)).statusCode(422).body("code", equalTo("CONTACT_UNCHANGED"));
            correct(otherOffice, path, Map.of("email", "baru@example.id", "citizenPresent", true,
                    "ktpElChecked", true)).statusCode(403).body("code", equalTo("CASE_OF_ANOTHER_OFFICE"));

            correct(operator, path, Map.of("email", " Siti.Baru@Example.ID ", "phone", "0813 1111 2222",
                    "citizenPresent", true, "ktpElChecked", true))
                    .statusCode(201).body("emailChanged", equalTo(true)).body("phoneChanged", equalTo(true))
                    .body("emailMasked", not(equalTo("siti.baru@example.id")));

            ConsumerRecord<String, String> record = verification.await(r -> registration.registrationId().toString()
                    .equals(r.key()) && EventType.CONTACT_CORRECTED.type().equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            ContactCorrected event = EventJson.read(record.value(), ContactCorrected.class);
            assertThat(event.email()).isEqualTo("siti.baru@example.id");
            assertThat(event.phone()).isEqualTo("+6281311112222");
            assertThat(event.previousEmail()).isEqualTo(oldEmail);
            assertThat(event.previousPhone()).isEqualTo("+6281234567890");
            assertThat(event.office().officeCode()).isNotBlank();
            assertThat(record.value()).doesNotContain(BAGUS);

            var audit = pool.preparedQuery("""
                    select details from audit_entry where kind = 'CONTACT_CORRECTED' and subject = $1""")
                    .execute(Tuple.of(caseId)).await().indefinitely().iterator().next();
            assertThat(audit.getString("details")).contains(event.correctionId().toString())
                    .doesNotContain("siti.baru@example.id").doesNotContain(oldEmail);
            given().auth().oauth2(operator).get("/api/v1/operator/service-log").then().statusCode(200)
                    .body("findAll { it.caseId == '" + caseId + "' }.action", hasItem("CONTACT_CORRECTED"));

            // a case's corrections are limited (3 per window in the default settings)
            correct(operator, path, Map.of("email", "dua@example.id", "citizenPresent", true, "ktpElChecked", true))
                    .statusCode(201).body("phoneChanged", equalTo(false));
            correct(operator, path, Map.of("email", "tiga@example.id", "citizenPresent", true, "ktpElChecked", true))
                    .statusCode(201);
            correct(operator, path, Map.of("email", "empat@example.id", "citizenPresent", true, "ktpElChecked", true))
                    .statusCode(429).body("code", equalTo("RATE_LIMITED"));
        }
    }

    private static io.restassured.response.ValidatableResponse correct(String token, String path,
            Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static NotificationStatus status(UUID notificationId, Registration registration, String kind,
            NotificationChannel channel, DeliveryStatus status, String reason, int attempt, Instant at) {
        return new NotificationStatus(notificationId, registration.registrationId(), UUID.randomUUID().toString(),
                kind, channel, status, reason, attempt,
                channel == NotificationChannel.EMAIL ? "w***@example.id" : "+62812****7890", at);
    }
}
