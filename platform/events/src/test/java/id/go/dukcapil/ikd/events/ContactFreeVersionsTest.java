package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static id.go.dukcapil.ikd.events.EventFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The {@code .v2} of the events activation-service publishes: no citizen contact, and
 * {@code IdentityActivated} only what its consumers read. A v1 read by a consumer of both versions
 * turns into the v2 it would have been.
 */
class ContactFreeVersionsTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {
            "ACTIVATION_CODE_ISSUED_V2", "DEACTIVATION_LINK_ISSUED_V2", "IDENTITY_ACTIVATED_V2", "IDENTITY_REVOKED_V2",
            "VERIFICATION_DECIDED_V2"})
    void v2SchemasDescribeNoContact(EventType type) {
        JsonNode properties = EventSchemas.document(type).get("properties");

        assertThat(properties.has("email")).isFalse();
        assertThat(properties.has("phone")).isFalse();
        assertThat(properties.has("language")).isFalse();
        assertThat(type.type()).endsWith(".v2");
    }

    @Test
    void v2PayloadsHoldNeitherContactNorFullNik() throws Exception {
        for (IkdEvent event : List.of(activationCodeIssuedV2(), deactivationLinkIssuedV2(), identityActivatedV2(),
                identityRevokedV2())) {
            String json = EventJson.write(event);

            assertThat(json).as(json).doesNotContain(EMAIL).doesNotContain(PHONE).doesNotContain(NIK)
                    .doesNotContain("\"language\"");
            assertThat(PLAIN.readTree(json).has("deviceKeyThumbprint")).isFalse();
        }
    }

    @Test
    void identityActivatedV2CarriesTheProjectionOnly() throws Exception {
        JsonNode json = PLAIN.readTree(EventJson.write(identityActivatedV2()));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactly("identityId", "registrationId", "subject", "fullName", "nikMasked",
                "birthDate", "photoSha256", "activatedAt", "office");
        assertThat(json.get("nikMasked").asText()).isEqualTo(NIK_MASKED);
        assertThat(json.get("fullName").asText()).isEqualTo("SITI NURHALIZA RAHMAWATI");
        assertThat(json.get("birthDate").asText()).isEqualTo("1990-05-17");
    }

    @Test
    void v1TurnsIntoTheSameEventWithoutContact() {
        ActivationCodeIssued code = activationCodeIssued();
        ActivationCodeIssuedV2 codeV2 = code.withoutContact();
        IdentityRevoked revoked = identityRevoked();

        assertThat(codeV2.sealedSecrets()).isEqualTo(code.sealedSecrets());
        assertThat(codeV2.sequence()).isEqualTo(code.sequence());
        assertThat(codeV2.office()).isEqualTo(code.office());
        assertThat(revoked.withoutContact().replacedBy()).isEqualTo(NEW_IDENTITY_ID);
        assertThat(deactivationLinkIssued().withoutContact().sealedLink()).isEqualTo(SEALED_SECRETS);
        assertThat(identityActivated().withoutContact(NIK_MASKED).photoSha256())
                .isEqualTo(attributes().photoSha256());
    }

    @Test
    void verificationDecidedV2CarriesNoContactAndOnlyTheCardAttributes() throws Exception {
        for (VerificationDecidedV2 event : List.of(approvedV2(), rejectedV2())) {
            String json = EventJson.write(event);

            assertThat(json).as(json).doesNotContain(EMAIL).doesNotContain(PHONE).doesNotContain("\"language\"")
                    .doesNotContain("\"religion\"").doesNotContain("\"maritalStatus\"")
                    .doesNotContain("\"occupation\"").doesNotContain("\"nationality\"");
        }
        JsonNode attributes = EventSchemas.document(EventType.VERIFICATION_DECIDED_V2).at("/$defs/CardAttributes/properties");
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("nik", "fullName", "birthPlace", "birthDate", "sex", "address", "rtRw",
                "villageName", "districtCode", "districtName", "regencyName", "provinceName", "ktpElStatus",
                "photoSha256");
        assertThat(EventSchemas.document(EventType.VERIFICATION_DECIDED_V2).at("/$defs/VerifiedAttributes").isMissingNode())
                .isTrue();
    }

    @Test
    void verificationDecidedTurnsIntoTheSameDecisionWithoutContact() {
        VerificationDecided approved = approved();
        VerificationDecidedV2 v2 = approved.withoutContact();

        assertThat(v2.attributes().verified()).isEqualTo(new VerifiedAttributes(attributes().nik(),
                attributes().fullName(), attributes().birthPlace(), attributes().birthDate(), attributes().sex(),
                attributes().address(), attributes().rtRw(), attributes().villageName(), attributes().districtCode(),
                attributes().districtName(), attributes().regencyName(), attributes().provinceName(), null, null, null,
                null, attributes().ktpElStatus(), attributes().photoSha256()));
        assertThat(v2.deviceKeyJwk()).isEqualTo(DEVICE_KEY_JWK);
        assertThat(v2.decidedAt()).isEqualTo(approved.decidedAt());
        assertThat(rejected().withoutContact().reasonNote()).isEqualTo(rejected().reasonNote());
        assertThat(rejected().withoutContact().attributes()).isNull();
    }

    @Test
    void verificationDecidedV3CarriesNoRegistryAttributeNoDeviceKeyAndNoContact() throws Exception {
        for (VerificationDecidedV3 event : List.of(approvedV3(), rejectedV3())) {
            String json = EventJson.write(event);

            assertThat(json).as(json).doesNotContain(NIK).doesNotContain(attributes().fullName())
                    .doesNotContain(attributes().address()).doesNotContain(EMAIL).doesNotContain(PHONE)
                    .doesNotContain("\"attributes\"").doesNotContain("\"deviceKeyJwk\"")
                    .doesNotContain("\"language\"");
        }
        JsonNode schema = EventSchemas.document(EventType.VERIFICATION_DECIDED_V3);
        assertThat(schema.get("properties").has("attributes")).isFalse();
        assertThat(schema.get("properties").has("deviceKeyJwk")).isFalse();
        assertThat(schema.at("/$defs/CardAttributes").isMissingNode()).isTrue();
        assertThat(approvedV3().reasonCode()).isNull();
        assertThat(rejectedV3().reasonCode()).isEqualTo(rejected().reasonCode());
        assertThat(rejectedV3().reasonNote()).isEqualTo(rejected().reasonNote());
        assertThat(approvedV3().decidedAt()).isEqualTo(approved().decidedAt());
    }

    @Test
    void anApprovalSplitsIntoTheDecisionForAllAndTheCardForActivationOnly() {
        VerificationDecidedV2 approval = approvedV2();
        CardApproved card = approval.card().orElseThrow();

        assertThat(card.attributes()).isEqualTo(approval.attributes());
        assertThat(card.deviceKeyJwk()).isEqualTo(DEVICE_KEY_JWK);
        assertThat(card.approvedAt()).isEqualTo(approval.decidedAt());
        assertThat(card.office()).isEqualTo(approval.office());
        assertThat(card.caseId()).isEqualTo(approval.caseId());
        assertThat(card.partitionKey()).isEqualTo(approval.withoutCard().partitionKey());
        assertThat(rejectedV2().card()).isEmpty();
        assertThat(EventType.CARD_APPROVED.topic()).isNotEqualTo(EventType.VERIFICATION_DECIDED_V3.topic());
    }

    @Test
    void aV3RejectionWithoutReasonOrApprovalWithOneIsRefused() {
        VerificationDecidedV3 r = rejectedV3();
        assertThatNullPointerException().isThrownBy(() -> new VerificationDecidedV3(r.registrationId(), r.caseId(),
                Decision.REJECTED, null, null, r.channel(), null, r.office(), r.operatorRef(), r.decidedAt()));
        assertThatIllegalArgumentException().isThrownBy(() -> new VerificationDecidedV3(r.registrationId(), r.caseId(),
                Decision.APPROVED, r.reasonCode(), null, r.channel(), null, r.office(), r.operatorRef(), r.decidedAt()));
    }

    @Test
    void aComplaintV2IsTheSameMessageOnTheComplaintsOwnTopic() {
        ComplaintUpdated closed = complaintClosed();
        ComplaintUpdatedV2 moved = closed.onItsOwnTopic();

        assertThat(EventJson.write(moved)).isEqualTo(EventJson.write(closed));
        assertThat(moved.eventType().topic()).isEqualTo(Topics.VERIFICATION_COMPLAINT)
                .isNotEqualTo(closed.eventType().topic());
        assertThat(moved.filed()).isFalse();
        assertThat(complaintFiled().onItsOwnTopic().filed()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new ComplaintUpdatedV2(moved.complaintId(),
                moved.ticket(), "CLOSED", moved.office(), "en", null, moved.phone(), null, null, moved.updatedAt()))
                .withMessageContaining("answer");
    }

    @Test
    void anUnmaskedNikIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> identityActivated().withoutContact(NIK))
                .withMessageContaining("masked");
    }

    @Test
    void v2ToStringsRevealNoSealedSecret() {
        String[] jweParts = SEALED_SECRETS.split("\\.");

        assertThat(activationCodeIssuedV2().toString()).doesNotContain(jweParts[3]).startsWith("ActivationCodeIssuedV2[");
        assertThat(deactivationLinkIssuedV2().toString()).doesNotContain(jweParts[3]);
    }
}
