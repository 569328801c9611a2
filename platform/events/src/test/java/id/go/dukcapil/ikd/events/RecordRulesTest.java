package id.go.dukcapil.ikd.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static id.go.dukcapil.ikd.events.EventFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Rules the compact constructors enforce for producers, before anything reaches the outbox. */
class RecordRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:02:11Z");

    @Test
    void activationCodeToStringDoesNotRevealTheSealedSecrets() {
        ActivationCodeIssued issued = activationCodeIssued();
        String[] jweParts = SEALED_SECRETS.split("\\.");

        assertThat(issued.toString())
                .doesNotContain(SEALED_SECRETS)
                .doesNotContain(jweParts[1])
                .doesNotContain(jweParts[3])
                .doesNotContain(jweParts[4])
                .contains("sealedSecrets=" + SEALED_SECRETS.substring(0, 12) + "…")
                .contains(ACTIVATION_ID.toString())
                .startsWith("ActivationCodeIssued[");
    }

    @Test
    void activationCodeToStringStaysShortForAShortValue() {
        ActivationCodeIssued issued = new ActivationCodeIssued(REGISTRATION_ID, ACTIVATION_ID, "abcd",
                NOW, 2, EMAIL, PHONE, LANGUAGE, office());

        assertThat(issued.toString()).contains("sealedSecrets=ab…").doesNotContain("abcd");
    }

    @Test
    void approvalNeedsAttributesAndDeviceKey() {
        assertThatNullPointerException().isThrownBy(() -> new VerificationDecided(
                        REGISTRATION_ID, CASE_ID, Decision.APPROVED, null, null, Channel.COUNTER, null, office(),
                        "op-1", NOW, EMAIL, PHONE, LANGUAGE, DEVICE_KEY_JWK, null))
                .withMessageContaining("attributes");
        assertThatNullPointerException().isThrownBy(() -> new VerificationDecided(
                        REGISTRATION_ID, CASE_ID, Decision.APPROVED, null, null, Channel.COUNTER, null, office(),
                        "op-1", NOW, EMAIL, PHONE, LANGUAGE, null, attributes()))
                .withMessageContaining("deviceKeyJwk");
    }

    @Test
    void rejectionNeedsAReasonAndCarriesNoRegistryData() {
        assertThatNullPointerException().isThrownBy(() -> new VerificationDecided(
                        REGISTRATION_ID, CASE_ID, Decision.REJECTED, null, null, Channel.COUNTER, null, office(),
                        "op-1", NOW, EMAIL, PHONE, LANGUAGE, null, null))
                .withMessageContaining("reasonCode");
        assertThatIllegalArgumentException().isThrownBy(() -> new VerificationDecided(
                        REGISTRATION_ID, CASE_ID, Decision.REJECTED, RejectionReason.DATA_MISMATCH, null, Channel.COUNTER,
                        null, office(), "op-1", NOW, EMAIL, PHONE, LANGUAGE, null, attributes()))
                .withMessageContaining("attributes");
        assertThat(rejected().approved()).isFalse();
        assertThat(approved().approved()).isTrue();
    }

    @Test
    void officeNeedsCodeAndName() {
        assertThatNullPointerException().isThrownBy(() -> new OfficeContact(null, "Disdukcapil", null, null, null, null, null))
                .withMessageContaining("officeCode");
        assertThatNullPointerException().isThrownBy(() -> new OfficeContact("3204", null, null, null, null, null, null))
                .withMessageContaining("name");
        assertThat(new OfficeContact("3204", "Disdukcapil", null, null, null, null, null).name()).isEqualTo("Disdukcapil");
    }

    @Test
    void registrationCannotSupersedeItself() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RegistrationSubmitted(
                REGISTRATION_ID, NIK, EMAIL, PHONE, LANGUAGE, DEVICE_KEY_JWK, DEVICE_KEY_THUMBPRINT, "K7Q-4MZP",
                "e1395a78ab32be3c4d539e45552b19a94549a8369f1b293ef3d3ccd2a68181a3", NOW, REGISTRATION_ID));
    }

    @Test
    void replacementRevocationNeedsTheNewIdentity() {
        assertThatNullPointerException().isThrownBy(() -> new IdentityRevoked(
                        IDENTITY_ID, REGISTRATION_ID, SUBJECT, RevocationReason.REPLACED_BY_NEW_DEVICE, null, NOW,
                        EMAIL, PHONE, LANGUAGE, office()))
                .withMessageContaining("replacedBy");
        assertThatIllegalArgumentException().isThrownBy(() -> new IdentityRevoked(
                IDENTITY_ID, REGISTRATION_ID, SUBJECT, RevocationReason.REPLACED_BY_NEW_DEVICE, IDENTITY_ID, NOW,
                EMAIL, PHONE, LANGUAGE, office()));
    }

    @Test
    void countersStartAtOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ActivationCodeIssued(
                REGISTRATION_ID, ACTIVATION_ID, SEALED_SECRETS, NOW, 0, EMAIL, PHONE, LANGUAGE, office()));
        assertThatIllegalArgumentException().isThrownBy(() -> new NotificationStatus(
                NOTIFICATION_ID, REGISTRATION_ID, "ce-1", "ACTIVATION_CODE", NotificationChannel.EMAIL,
                DeliveryStatus.SENT, null, 0, "s***@example.id", NOW));
    }

    @Test
    void validTokenNamesItsSubjectAndNoReason() {
        assertThatNullPointerException().isThrownBy(() -> new TokenVerified("jti", null, "bank", true, null, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenVerified("jti", SUBJECT, "bank", true, "EXPIRED", NOW));
        assertThatNullPointerException().isThrownBy(() -> new TokenVerified("jti", SUBJECT, "bank", false, null, NOW));
        assertThatNullPointerException().isThrownBy(() -> new TokenVerified("jti", SUBJECT, null, true, null, NOW));
    }
}
