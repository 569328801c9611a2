package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void datesAreIsoStringsAndNullsAreLeftOut() throws Exception {
        JsonNode json = PLAIN.readTree(EventJson.write(EventFixtures.approved()));

        assertThat(json.get("decidedAt").isTextual()).isTrue();
        assertThat(json.get("decidedAt").asText()).isEqualTo("2026-11-20T03:02:11Z");
        assertThat(json.at("/attributes/birthDate").asText()).isEqualTo("1990-05-17");
        assertThat(json.has("reasonCode")).isFalse();
        assertThat(json.has("callReference")).isFalse();
    }

    @Test
    void deviceKeyTravelsAsAJsonString() throws Exception {
        JsonNode json = PLAIN.readTree(EventJson.write(EventFixtures.registrationSubmitted()));

        assertThat(json.get("deviceKeyJwk").isTextual()).isTrue();
        assertThat(PLAIN.readTree(json.get("deviceKeyJwk").asText()).get("crv").asText()).isEqualTo("P-256");
    }

    @Test
    void unknownNestedFieldsAreTolerated() throws Exception {
        VerificationDecided approved = EventFixtures.approved();
        ObjectNode json = tree(approved);
        ((ObjectNode) json.get("office")).put("openingHours", "Senin-Jumat 08.00-15.00");
        ((ObjectNode) json.get("attributes")).put("bloodType", "O");
        ((ObjectNode) json.get("attributes")).putArray("aliases").add("SITI");

        assertThat(EventSchemas.validate(EventType.VERIFICATION_DECIDED, json.toString())).isEmpty();
        assertThat(EventJson.read(json.toString(), VerificationDecided.class)).isEqualTo(approved);
    }

    @Test
    void missingNestedRequiredFieldFailsSchemaAndRecord() throws Exception {
        assertRefused(EventFixtures.approved(), json -> ((ObjectNode) json.get("attributes")).remove("nik"), "nik");
        assertRefused(EventFixtures.approved(), json -> ((ObjectNode) json.get("attributes")).remove("birthDate"), "birthDate");
        assertRefused(EventFixtures.identityActivated(), json -> ((ObjectNode) json.get("office")).remove("name"), "name");
        assertRefused(EventFixtures.activationCodeIssued(), json -> ((ObjectNode) json.get("office")).remove("officeCode"), "officeCode");
    }

    @Test
    void approvalWithoutAttributesOrDeviceKeyIsRefused() throws Exception {
        assertRefused(EventFixtures.approved(), json -> json.remove("attributes"), "attributes");
        assertRefused(EventFixtures.approved(), json -> json.remove("deviceKeyJwk"), "deviceKeyJwk");
        assertRefused(EventFixtures.approved(), json -> json.put("reasonCode", "OTHER"), "reasonCode");
    }

    @Test
    void rejectionWithoutReasonOrWithAttributesIsRefused() throws Exception {
        assertRefused(EventFixtures.rejected(), json -> json.remove("reasonCode"), "reasonCode");
        assertRefused(EventFixtures.rejected(),
                json -> json.set("attributes", tree(EventFixtures.approved()).get("attributes")), "attributes");
    }

    @Test
    void replacementRevocationNamesTheNewIdentity() throws Exception {
        assertRefused(EventFixtures.identityRevoked(), json -> json.remove("replacedBy"), "replacedBy");
    }

    @Test
    void tokenVerdictRulesAreEnforced() throws Exception {
        assertRefused(EventFixtures.tokenRefused(), json -> json.remove("reasonCode"), "reasonCode");
        assertRefused(EventFixtures.tokenAccepted(), json -> json.put("reasonCode", "EXPIRED"), "reasonCode");
        assertRefused(EventFixtures.tokenAccepted(), json -> json.remove("subject"), "subject");
        assertRefused(EventFixtures.activationCodeIssued(), json -> json.put("sequence", 0), "sequence");
        assertRefused(EventFixtures.notificationSent(), json -> json.put("attempt", 0), "attempt");
    }

    @Test
    void schemaAssertsFormatsAndPatterns() throws Exception {
        assertSchemaRefuses(EventFixtures.registrationSubmitted(), json -> json.put("nik", "320412570590"));
        assertSchemaRefuses(EventFixtures.registrationSubmitted(), json -> json.put("phone", "081234567890"));
        assertSchemaRefuses(EventFixtures.registrationSubmitted(), json -> json.put("language", "fr"));
        assertSchemaRefuses(EventFixtures.registrationSubmitted(), json -> json.put("email", "not an address"));
        assertSchemaRefuses(EventFixtures.registrationSubmitted(), json -> json.put("registrationId", "R-123"));
        assertSchemaRefuses(EventFixtures.registrationSubmitted(), json -> json.put("submittedAt", "20/11/2026 09:15"));
        assertSchemaRefuses(EventFixtures.registrationSubmitted(), json -> json.put("selfieSha256", "ABC"));
        assertSchemaRefuses(EventFixtures.approved(),
                json -> ((ObjectNode) json.get("attributes")).put("birthDate", "17-05-1990"));
        assertSchemaRefuses(EventFixtures.approved(),
                json -> ((ObjectNode) json.get("attributes")).put("districtCode", "320412"));
        assertSchemaRefuses(EventFixtures.approved(), json -> json.put("decision", "MAYBE"));
        assertSchemaRefuses(EventFixtures.activationCodeIssued(), json -> json.put("sealedSecrets", "123456"));
    }

    @Test
    void unknownRejectionReasonFromANewerProducerReadsAsOther() throws Exception {
        ObjectNode json = tree(EventFixtures.rejected());
        json.put("reasonCode", "BLURRED_KTP_EL");

        assertThat(EventJson.read(json.toString(), VerificationDecided.class).reasonCode())
                .isEqualTo(RejectionReason.OTHER);
    }

    @Test
    void unknownDecisionIsMalformedAndNamesTheField() throws Exception {
        ObjectNode json = tree(EventFixtures.approved());
        json.put("decision", "MAYBE");

        assertThatThrownBy(() -> EventJson.read(json.toString(), VerificationDecided.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("id.go.dukcapil.ikd.verification.decided.v1")
                .hasMessageContaining("decision");
    }

    @Test
    void wrongTypeIsMalformedAndNamesThePath() throws Exception {
        ObjectNode json = tree(EventFixtures.approved());
        ((ObjectNode) json.get("attributes")).put("birthDate", "17 Mei 1990");

        assertThatThrownBy(() -> EventJson.read(json.toString(), VerificationDecided.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("attributes.birthDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "not json", "{\"registrationId\":", "[]", "42"})
    void garbageIsMalformed(String payload) {
        assertThatThrownBy(() -> EventJson.read(payload, RegistrationWithdrawn.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("Malformed id.go.dukcapil.ikd.registration.withdrawn.v1 event");
    }

    @Test
    void trailingContentAfterTheEventIsMalformed() {
        String twoEvents = EventJson.write(EventFixtures.registrationWithdrawn()) + " {}";

        assertThatThrownBy(() -> EventJson.read(twoEvents, RegistrationWithdrawn.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void nullPayloadIsMalformed() {
        assertThatThrownBy(() -> EventJson.read((String) null, RegistrationWithdrawn.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read((byte[]) null, RegistrationWithdrawn.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void readsUtf8BytesFromKafka() {
        VerificationDecided rejected = EventFixtures.rejected();
        byte[] bytes = EventJson.write(rejected).getBytes(StandardCharsets.UTF_8);

        assertThat(EventJson.read(bytes, VerificationDecided.class)).isEqualTo(rejected);
        assertThatThrownBy(() -> EventJson.read("{".getBytes(StandardCharsets.UTF_8), VerificationDecided.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void eachMapperIsFreshSoTheSharedOneCannotBeReconfigured() {
        assertThat(EventJson.newObjectMapper()).isNotSameAs(EventJson.newObjectMapper());
    }

    /** Applies a change to a valid sample's JSON; both the schema and the record must refuse it. */
    private static void assertRefused(IkdEvent sample, Consumer<ObjectNode> change, String field) throws Exception {
        ObjectNode json = tree(sample);
        change.accept(json);

        assertThat(EventSchemas.validate(sample.eventType(), json.toString())).as("schema errors for %s", json).isNotEmpty();
        assertThatThrownBy(() -> EventJson.read(json.toString(), sample.getClass()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(field);
    }

    private static void assertSchemaRefuses(IkdEvent sample, Consumer<ObjectNode> change) throws Exception {
        ObjectNode json = tree(sample);
        change.accept(json);

        assertThat(EventSchemas.validate(sample.eventType(), json.toString())).as("schema errors for %s", json).isNotEmpty();
    }

    private static ObjectNode tree(IkdEvent event) {
        try {
            return (ObjectNode) PLAIN.readTree(EventJson.write(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
