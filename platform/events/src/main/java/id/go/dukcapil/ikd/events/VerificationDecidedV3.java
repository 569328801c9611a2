package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The decision as its readers on {@code ikd.verification} use it: registration-service (the
 * timeline: outcome, reason, note, channel, office, time) and notification-service (a rejection's
 * message). No contact, no registry attributes and no device key: those of an approval go to
 * activation-service alone, as {@link CardApproved} on {@code ikd.verification.card}, written in the
 * same outbox transaction.
 *
 * <p>{@code APPROVED} carries no {@code reasonCode}; {@code REJECTED} carries one.
 *
 * @param reasonNote  free text of the operator for the citizen, optional
 * @param operatorRef pseudonymous operator reference; never the operator's name or NIP
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationDecidedV3(
        UUID registrationId,
        UUID caseId,
        Decision decision,
        RejectionReason reasonCode,
        String reasonNote,
        Channel channel,
        String callReference,
        OfficeContact office,
        String operatorRef,
        Instant decidedAt) implements IkdEvent {

    public VerificationDecidedV3 {
        requireDecision(registrationId, caseId, decision, reasonCode, channel, office, operatorRef, decidedAt);
    }

    /**
     * The rules every version of the decision keeps: who, where, when, and a reason exactly when
     * the decision is REJECTED.
     */
    static void requireDecision(UUID registrationId, UUID caseId, Decision decision, RejectionReason reasonCode,
            Channel channel, OfficeContact office, String operatorRef, Instant decidedAt) {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(caseId, "caseId is required");
        Objects.requireNonNull(decision, "decision is required");
        Objects.requireNonNull(channel, "channel is required");
        Objects.requireNonNull(office, "office is required");
        Objects.requireNonNull(operatorRef, "operatorRef is required");
        Objects.requireNonNull(decidedAt, "decidedAt is required");
        if (decision == Decision.APPROVED && reasonCode != null) {
            throw new IllegalArgumentException("reasonCode must be absent when the decision is APPROVED");
        }
        if (decision == Decision.REJECTED) {
            Objects.requireNonNull(reasonCode, "reasonCode is required when the decision is REJECTED");
        }
    }

    public boolean approved() {
        return decision == Decision.APPROVED;
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
