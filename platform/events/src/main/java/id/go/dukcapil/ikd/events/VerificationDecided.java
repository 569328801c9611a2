package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An operator approved or rejected a registration. One event fans out to the citizen's app,
 * their inbox and phone, and (when approved) starts activation, so it carries everything those
 * consumers need: contact data, language, the device key to bind and the verified attributes.
 *
 * <p>Rules: {@code APPROVED} carries {@code attributes} and {@code deviceKeyJwk} and no
 * {@code reasonCode}; {@code REJECTED} carries a {@code reasonCode} and no {@code attributes}
 * (registry data is not spread further than needed).
 *
 * @param caseId        verification-service's case
 * @param reasonNote    free text of the operator for the citizen, optional
 * @param callReference id of the video call, when {@code channel} is {@code VIDEO_CALL}
 * @param operatorRef   pseudonymous operator reference; never the operator's name or NIP
 * @param deviceKeyJwk  copied from the registration; activation binds the identity to it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationDecided(
        UUID registrationId,
        UUID caseId,
        Decision decision,
        RejectionReason reasonCode,
        String reasonNote,
        Channel channel,
        String callReference,
        OfficeContact office,
        String operatorRef,
        Instant decidedAt,
        String email,
        String phone,
        String language,
        String deviceKeyJwk,
        VerifiedAttributes attributes) implements IkdEvent {

    public VerificationDecided {
        VerificationDecidedV3.requireDecision(registrationId, caseId, decision, reasonCode, channel, office, operatorRef,
                decidedAt);
        Objects.requireNonNull(email, "email is required");
        Objects.requireNonNull(phone, "phone is required");
        Objects.requireNonNull(language, "language is required");
        VerificationDecidedV2.requireCardRules(decision, deviceKeyJwk, attributes);
    }

    /**
     * The same decision as {@code .v2}: no email, phone or language (notification-service sends to
     * the recipient it recorded), and of the attributes only those activation-service needs.
     */
    public VerificationDecidedV2 withoutContact() {
        return new VerificationDecidedV2(registrationId, caseId, decision, reasonCode, reasonNote, channel,
                callReference, office, operatorRef, decidedAt, deviceKeyJwk,
                attributes == null ? null : attributes.forCard());
    }

    public boolean approved() {
        return decision == Decision.APPROVED;
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
