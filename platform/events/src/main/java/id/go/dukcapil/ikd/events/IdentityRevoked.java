package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A digital identity is no longer valid; token-service stops issuing and accepting its tokens.
 *
 * @param registrationId the registration the revoked identity came from (the partition key)
 * @param replacedBy     the new identity, required when {@code reason} is {@code REPLACED_BY_NEW_DEVICE}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityRevoked(
        UUID identityId,
        UUID registrationId,
        String subject,
        RevocationReason reason,
        UUID replacedBy,
        Instant revokedAt,
        String email,
        String phone,
        String language,
        OfficeContact office) implements IkdEvent {

    public IdentityRevoked {
        Objects.requireNonNull(identityId, "identityId is required");
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(subject, "subject is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(revokedAt, "revokedAt is required");
        Objects.requireNonNull(email, "email is required");
        Objects.requireNonNull(phone, "phone is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(office, "office is required");
        if (reason == RevocationReason.REPLACED_BY_NEW_DEVICE) {
            Objects.requireNonNull(replacedBy, "replacedBy is required when the reason is REPLACED_BY_NEW_DEVICE");
        }
        if (identityId.equals(replacedBy)) {
            throw new IllegalArgumentException("an identity cannot replace itself");
        }
    }

    /** The same event as {@code .v2}, without the contact (for consumers that handle both versions). */
    public IdentityRevokedV2 withoutContact() {
        return new IdentityRevokedV2(identityId, registrationId, subject, reason, replacedBy, revokedAt, office);
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
