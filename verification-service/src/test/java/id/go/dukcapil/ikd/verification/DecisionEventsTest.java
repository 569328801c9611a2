package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.CardApproved;
import id.go.dukcapil.ikd.events.ComplaintUpdatedV2;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code ikd.verification.events.version=v3} (what a new cluster runs) the operator's decision
 * goes out through the outbox and the real broker as {@code verification.decided.v3} on
 * ikd.verification: no contact, no registry attribute, no device key, the reason and note on a
 * rejection. An approval's card attributes and device key go as
 * {@code verification.card-approved.v1} on ikd.verification.card, the topic only activation-service
 * reads; a rejection puts nothing there. A complaint's message goes as
 * {@code verification.complaint-updated.v2} to ikd.verification.complaint, which only
 * notification-service reads. A consumer reads each as the platform does (the CloudEvents
 * type names the record). The {@code .v1} and {@code .v2} mappings are PublishedEventsTest's.
 */
@QuarkusTest
@TestProfile(DecisionEventsTest.EventsV3.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class DecisionEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAGUS = "3171011212000001";
    private static final String MARIA = "3171017004980001";

    /** verification-service after the switch (docs/operations.md, Upgrade). */
    public static class EventsV3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.verification.events.version", "v3");
        }
    }

    @Test
    void anApprovalGivesEveryoneTheDecisionAndActivationAloneTheCard() throws Exception {
        String operator = TestSupport.login("demo.operator");
        try (TopicProbe topic = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION);
                TopicProbe cards = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION_CARD)) {
            Registration registration = TestSupport.submit(BAGUS);
            String caseId = decideAtTheCounter(operator, registration, Map.of("decision", "APPROVED"));

            ConsumerRecord<String, String> record = topic.await(decisionOf(registration.registrationId()),
                    Duration.ofSeconds(30));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(EventType.VERIFICATION_DECIDED_V3.type());
            assertNoContact(record, registration.registrationId());
            assertThat(record.value()).doesNotContain(BAGUS).doesNotContain("BAGUS WICAKSONO");
            JsonNode fields = JSON.readTree(record.value());
            assertThat(fields.has("attributes")).isFalse();
            assertThat(fields.has("deviceKeyJwk")).isFalse();
            VerificationDecidedV3 decided = read(record, VerificationDecidedV3.class);
            assertThat(decided.decision()).isEqualTo(Decision.APPROVED);
            assertThat(decided.caseId()).hasToString(caseId);
            assertThat(decided.office().officeCode()).isEqualTo("3171-DEMO");

            ConsumerRecord<String, String> cardRecord = cards.await(
                    r -> registration.registrationId().toString().equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(cardRecord, "ce_type")).isEqualTo(EventType.CARD_APPROVED.type());
            assertNoContact(cardRecord, registration.registrationId());
            JsonNode attributes = JSON.readTree(cardRecord.value()).get("attributes");
            for (String unused : new String[] {"religion", "maritalStatus", "occupation", "nationality"}) {
                assertThat(attributes.has(unused)).as(unused).isFalse();
            }
            CardApproved card = read(cardRecord, CardApproved.class);
            assertThat(card.caseId()).hasToString(caseId);
            assertThat(card.attributes().nik()).isEqualTo(BAGUS);
            assertThat(card.attributes().fullName()).isEqualTo("BAGUS WICAKSONO");
            assertThat(card.attributes().districtCode()).isEqualTo("31.71.01");
            assertThat(card.attributes().photoSha256()).hasSize(64);
            assertThat(card.deviceKeyJwk()).isEqualTo(TestSupport.DEVICE_JWK);
            assertThat(card.approvedAt()).isEqualTo(decided.decidedAt());
            assertThat(topic.collect(decisionOf(registration.registrationId()), Duration.ofSeconds(2)))
                    .as("one decision, and no .v1 or .v2 beside it").hasSize(1);
        }
    }

    @Test
    void aRejectionIsPublishedAsV3WithItsReasonAndNoteAndNoCard() throws Exception {
        String operator = TestSupport.login("demo.operator");
        try (TopicProbe topic = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION);
                TopicProbe cards = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION_CARD)) {
            Registration registration = TestSupport.submit(MARIA);
            decideAtTheCounter(operator, registration, Map.of("decision", "REJECTED", "reasonCode", "FACE_MISMATCH",
                    "reasonNote", "Silakan datang ke kantor."));

            ConsumerRecord<String, String> record = topic.await(decisionOf(registration.registrationId()),
                    Duration.ofSeconds(30));
            assertNoContact(record, registration.registrationId());
            VerificationDecidedV3 decided = read(record, VerificationDecidedV3.class);
            assertThat(decided.decision()).isEqualTo(Decision.REJECTED);
            assertThat(decided.reasonCode()).isEqualTo(RejectionReason.FACE_MISMATCH);
            assertThat(decided.reasonNote()).isEqualTo("Silakan datang ke kantor.");
            assertThat(cards.collect(r -> registration.registrationId().toString().equals(r.key()), Duration.ofSeconds(2)))
                    .as("a rejection has no card").isEmpty();
        }
    }

    @Test
    void aComplaintGoesToTheComplaintsTopicOnlyNotificationServiceReads() {
        try (TopicProbe topic = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION);
                TopicProbe complaints = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION_COMPLAINT)) {
            String ticket = ComplaintTest.file(ComplaintTest.complaint(ComplaintTest.solvedCaptcha())).then()
                    .statusCode(201).extract().jsonPath().getString("ticket");

            ConsumerRecord<String, String> record = complaints.await(r -> r.value().contains("\"" + ticket + "\""),
                    Duration.ofSeconds(30));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(EventType.COMPLAINT_UPDATED_V2.type());
            ComplaintUpdatedV2 received = read(record, ComplaintUpdatedV2.class);
            assertThat(received.email()).isEqualTo("warga.tapin@example.id");
            assertThat(received.filed()).isTrue();
            assertThat(topic.collect(r -> r.value().contains(ticket), Duration.ofSeconds(2)))
                    .as("nothing of the complaint on ikd.verification, which registration and activation read").isEmpty();
        }
    }

    /** The counter's scan and {@code decision}, the KTP-el checked; returns the case's id. */
    private static String decideAtTheCounter(String operator, Registration registration, Map<String, Object> decision) {
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        Map<String, Object> body = new HashMap<>(decision);
        body.put("channel", "COUNTER");
        body.put("ktpElChecked", true);
        VerificationFlowTest.decide(operator, caseId, body).statusCode(200);
        return caseId;
    }

    private static Predicate<ConsumerRecord<String, String>> decisionOf(UUID registrationId) {
        return r -> registrationId.toString().equals(r.key())
                && TopicProbe.header(r, "ce_type").startsWith("id.go.dukcapil.ikd.verification.decided.");
    }

    /** As a consumer does: the type names the record. */
    private static <E extends IkdEvent> E read(ConsumerRecord<String, String> record, Class<E> expected) {
        return EventType.fromType(TopicProbe.header(record, "ce_type"))
                .map(type -> expected.cast(EventJson.read(record.value(), type.eventClass()))).orElseThrow();
    }

    private static void assertNoContact(ConsumerRecord<String, String> record, UUID registrationId) throws Exception {
        assertThat(record.value()).doesNotContain("warga+" + registrationId).doesNotContain("+6281234567890");
        JsonNode fields = JSON.readTree(record.value());
        assertThat(fields.has("email")).isFalse();
        assertThat(fields.has("phone")).isFalse();
        assertThat(fields.has("language")).isFalse();
    }
}
