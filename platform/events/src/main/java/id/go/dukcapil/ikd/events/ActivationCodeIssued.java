package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * activation-service created an activation code (first issue or resend); notification-service
 * sends it to the citizen. The PIN and the activation link never travel in plain text: they are
 * sealed in {@code sealedSecrets}, a compact JWE only notification-service can open.
 *
 * @param activationId identifies this code; a resend issues a new one and kills the previous
 * @param sealedSecrets compact JWE (five base64url parts) holding the PIN and the activation link
 * @param expiresAt    end of validity (24 h after issue)
 * @param sequence     1 for the first code of a registration, +1 for each resend
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivationCodeIssued(
        UUID registrationId,
        UUID activationId,
        String sealedSecrets,
        Instant expiresAt,
        @JsonProperty(required = true) int sequence,
        String email,
        String phone,
        String language,
        OfficeContact office) implements IkdEvent {

    /** Enough of the JWE header to correlate in logs; nothing of its ciphertext. */
    private static final int LOGGED_SEALED_PREFIX = 12;

    public ActivationCodeIssued {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(activationId, "activationId is required");
        Objects.requireNonNull(sealedSecrets, "sealedSecrets is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        Objects.requireNonNull(email, "email is required");
        Objects.requireNonNull(phone, "phone is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(office, "office is required");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    /** The same event as {@code .v2}, without the contact (for consumers that handle both versions). */
    public ActivationCodeIssuedV2 withoutContact() {
        return new ActivationCodeIssuedV2(registrationId, activationId, sealedSecrets, expiresAt, sequence, office);
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }

    /** Events get logged; the sealed secrets must not be, even encrypted. */
    @Override
    public String toString() {
        int shown = Math.min(LOGGED_SEALED_PREFIX, sealedSecrets.length() / 2);
        return "ActivationCodeIssued[registrationId=" + registrationId
                + ", activationId=" + activationId
                + ", sealedSecrets=" + sealedSecrets.substring(0, shown) + "…"
                + ", expiresAt=" + expiresAt
                + ", sequence=" + sequence
                + ", email=" + email
                + ", phone=" + phone
                + ", language=" + language
                + ", office=" + office + "]";
    }
}
