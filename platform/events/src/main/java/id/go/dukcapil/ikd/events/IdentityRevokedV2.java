package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link IdentityRevoked} without the citizen's contact: token-service stops the identity's tokens,
 * registration-service ends the timeline, notification-service tells the citizen at the contact it
 * recorded.
 *
 * @param registrationId the registration the revoked identity came from (the partition key)
 * @param replacedBy     the new identity, required when {@code reason} is {@code REPLACED_BY_NEW_DEVICE}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityRevokedV2(
        UUID identityId,
        UUID registrationId,
        String subject,
        RevocationReason reason,
        UUID replacedBy,
        Instant revokedAt,
        OfficeContact office) implements IkdEvent {

    public IdentityRevokedV2 {
        Objects.requireNonNull(identityId, "identityId is required");
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(subject, "subject is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(revokedAt, "revokedAt is required");
        Objects.requireNonNull(office, "office is required");
        if (reason == RevocationReason.REPLACED_BY_NEW_DEVICE) {
            Objects.requireNonNull(replacedBy, "replacedBy is required when the reason is REPLACED_BY_NEW_DEVICE");
        }
        if (identityId.equals(replacedBy)) {
            throw new IllegalArgumentException("an identity cannot replace itself");
        }
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
