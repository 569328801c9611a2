package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An approval as activation-service makes the identity from it: the {@link CardAttributes} and the
 * device key the identity is bound to, with the office and time of the approval. Published on
 * {@code ikd.verification.card}, a topic only verification-service may write and only
 * activation-service may read (KafkaUser ACLs), beside the {@link VerificationDecidedV3} the other
 * readers get, in the same outbox transaction: the registry attributes reach no service that has
 * no use for them.
 *
 * @param deviceKeyJwk copied from the registration; activation binds the identity to it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardApproved(
        UUID registrationId,
        UUID caseId,
        OfficeContact office,
        Instant approvedAt,
        String deviceKeyJwk,
        CardAttributes attributes) implements IkdEvent {

    public CardApproved {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(caseId, "caseId is required");
        Objects.requireNonNull(office, "office is required");
        Objects.requireNonNull(approvedAt, "approvedAt is required");
        Objects.requireNonNull(deviceKeyJwk, "deviceKeyJwk is required");
        Objects.requireNonNull(attributes, "attributes are required");
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
