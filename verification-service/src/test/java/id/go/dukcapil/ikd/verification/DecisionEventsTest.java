package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code ikd.verification.events.version=v2} the operator's decision goes out as
 * {@code verification.decided.v2} through the outbox and the real broker: no email, phone or
 * language, of the registry record only the attributes activation-service needs, the device key on
 * an approval, the reason and note on a rejection; no {@code .v1} beside it. A consumer reads it as
 * the platform does (the CloudEvents type names the record).
 */
@QuarkusTest
@TestProfile(DecisionEventsV2Test.EventsV2.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class DecisionEventsV2Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAGUS = "3171011212000001";
    private static final String MARIA = "3171017004980001";

    /** verification-service after the switch (docs/operations.md, Upgrade). */
    public static class EventsV2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.verification.events.version", "v2");
        }
    }

    @Test
    void anApprovalIsPublishedAsV2WithTheCardAttributesOnly() throws Exception {
        String operator = TestSupport.login("demo.operator");
        try (TopicProbe topic = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            Registration registration = TestSupport.submit(BAGUS);
            String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
            VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
            VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER",
                    "ktpElChecked", true)).statusCode(200);

            ConsumerRecord<String, String> record = topic.await(decisionOf(registration.registrationId()),
                    Duration.ofSeconds(30));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(EventType.VERIFICATION_DECIDED_V2.type());
            assertNoContact(record, registration.registrationId());
            JsonNode attributes = JSON.readTree(record.value()).get("attributes");
            for (String unused : new String[] {"religion", "maritalStatus", "occupation", "nationality"}) {
                assertThat(attributes.has(unused)).as(unused).isFalse();
            }
            VerificationDecidedV2 decided = read(record);
            assertThat(decided.decision()).isEqualTo(Decision.APPROVED);
            assertThat(decided.caseId()).hasToString(caseId);
            assertThat(decided.attributes().nik()).isEqualTo(BAGUS);
            assertThat(decided.attributes().fullName()).isEqualTo("BAGUS WICAKSONO");
            assertThat(decided.attributes().districtCode()).isEqualTo("31.71.01");
            assertThat(decided.attributes().photoSha256()).hasSize(64);
            assertThat(decided.deviceKeyJwk()).isEqualTo(TestSupport.DEVICE_JWK);
            assertThat(decided.office().officeCode()).isEqualTo("3171-DEMO");
            assertThat(topic.collect(decisionOf(registration.registrationId()), Duration.ofSeconds(2)))
                    .as("one decision, and no .v1 beside it").hasSize(1);
        }
    }

    @Test
    void aRejectionIsPublishedAsV2WithItsReasonAndNote() throws Exception {
        String operator = TestSupport.login("demo.operator");
        try (TopicProbe topic = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            Registration registration = TestSupport.submit(MARIA);
            String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
            VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
            VerificationFlowTest.decide(operator, caseId, Map.of("decision", "REJECTED", "reasonCode", "FACE_MISMATCH",
                    "reasonNote", "Silakan datang ke kantor.", "channel", "COUNTER", "ktpElChecked", true))
                    .statusCode(200);

            ConsumerRecord<String, String> record = topic.await(decisionOf(registration.registrationId()),
                    Duration.ofSeconds(30));
            assertNoContact(record, registration.registrationId());
            VerificationDecidedV2 decided = read(record);
            assertThat(decided.decision()).isEqualTo(Decision.REJECTED);
            assertThat(decided.reasonCode()).isEqualTo(RejectionReason.FACE_MISMATCH);
            assertThat(decided.reasonNote()).isEqualTo("Silakan datang ke kantor.");
            assertThat(decided.attributes()).isNull();
            assertThat(decided.deviceKeyJwk()).isNull();
        }
    }

    private static Predicate<ConsumerRecord<String, String>> decisionOf(UUID registrationId) {
        return r -> registrationId.toString().equals(r.key())
                && TopicProbe.header(r, "ce_type").startsWith("id.go.dukcapil.ikd.verification.decided.");
    }

    /** As a consumer does: the type names the record. */
    private static VerificationDecidedV2 read(ConsumerRecord<String, String> record) {
        return EventType.fromType(TopicProbe.header(record, "ce_type"))
                .map(type -> (VerificationDecidedV2) EventJson.read(record.value(), type.eventClass())).orElseThrow();
    }

    private static void assertNoContact(ConsumerRecord<String, String> record, UUID registrationId) throws Exception {
        assertThat(record.value()).doesNotContain("warga+" + registrationId).doesNotContain("+6281234567890");
        JsonNode fields = JSON.readTree(record.value());
        assertThat(fields.has("email")).isFalse();
        assertThat(fields.has("phone")).isFalse();
        assertThat(fields.has("language")).isFalse();
    }
}
