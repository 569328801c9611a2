package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link VerificationDecided} with only what its consumers use: no email, phone or language
 * (notification-service tells a rejected citizen at the contact it recorded), and of the registry
 * record only the {@link CardAttributes} activation-service makes the identity from.
 * registration-service reads the outcome, reason, note, channel, office and time.
 *
 * <p>Rules as {@code .v1}: {@code APPROVED} carries {@code attributes} and {@code deviceKeyJwk} and
 * no {@code reasonCode}; {@code REJECTED} carries a {@code reasonCode} and no {@code attributes}.
 *
 * @param reasonNote   free text of the operator for the citizen, optional
 * @param operatorRef  pseudonymous operator reference; never the operator's name or NIP
 * @param deviceKeyJwk copied from the registration; activation binds the identity to it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationDecidedV2(
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
        String deviceKeyJwk,
        CardAttributes attributes) implements IkdEvent {

    public VerificationDecidedV2 {
        VerificationDecidedV3.requireDecision(registrationId, caseId, decision, reasonCode, channel, office, operatorRef,
                decidedAt);
        requireCardRules(decision, deviceKeyJwk, attributes);
    }

    /**
     * The rules of {@code .v1} and {@code .v2} on top of {@link VerificationDecidedV3}'s:
     * {@code APPROVED} carries attributes and the device key; {@code REJECTED} no attributes.
     */
    static void requireCardRules(Decision decision, String deviceKeyJwk, Object attributes) {
        switch (decision) {
            case APPROVED -> {
                Objects.requireNonNull(attributes, "attributes are required when the decision is APPROVED");
                Objects.requireNonNull(deviceKeyJwk, "deviceKeyJwk is required when the decision is APPROVED");
            }
            case REJECTED -> {
                if (attributes != null) {
                    throw new IllegalArgumentException("attributes must be absent when the decision is REJECTED");
                }
            }
        }
    }

    public boolean approved() {
        return decision == Decision.APPROVED;
    }

    /** The {@code .v3} this decision would have been: the same decision without attributes and device key. */
    public VerificationDecidedV3 withoutCard() {
        return new VerificationDecidedV3(registrationId, caseId, decision, reasonCode, reasonNote, channel,
                callReference, office, operatorRef, decidedAt);
    }

    /** The {@link CardApproved} of an approval, published beside its {@code .v3}; empty for a rejection. */
    public Optional<CardApproved> card() {
        return approved() ? Optional.of(new CardApproved(registrationId, caseId, office, decidedAt,
                deviceKeyJwk, attributes)) : Optional.empty();
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
