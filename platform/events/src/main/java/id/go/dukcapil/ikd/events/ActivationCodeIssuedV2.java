package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link ActivationCodeIssued} without the citizen's contact: notification-service sends the code to
 * the recipient it recorded from {@code RegistrationSubmitted} and {@code ContactCorrected}. The PIN
 * and the activation link travel only sealed in {@code sealedSecrets}, for notification-service.
 *
 * @param activationId  identifies this code; a resend issues a new one and kills the previous
 * @param sealedSecrets compact JWE (five base64url parts) holding the PIN and the activation link
 * @param expiresAt     end of validity (24 h after issue)
 * @param sequence      1 for the first code of a registration, +1 for each resend
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivationCodeIssuedV2(
        UUID registrationId,
        UUID activationId,
        String sealedSecrets,
        Instant expiresAt,
        @JsonProperty(required = true) int sequence,
        OfficeContact office) implements IkdEvent {

    /** Enough of the JWE header to correlate in logs; nothing of its ciphertext. */
    private static final int LOGGED_SEALED_PREFIX = 12;

    public ActivationCodeIssuedV2 {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(activationId, "activationId is required");
        Objects.requireNonNull(sealedSecrets, "sealedSecrets is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        Objects.requireNonNull(office, "office is required");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }

    /** Events get logged; the sealed secrets must not be, even encrypted. */
    @Override
    public String toString() {
        int shown = Math.min(LOGGED_SEALED_PREFIX, sealedSecrets.length() / 2);
        return "ActivationCodeIssuedV2[registrationId=" + registrationId
                + ", activationId=" + activationId
                + ", sealedSecrets=" + sealedSecrets.substring(0, shown) + "…"
                + ", expiresAt=" + expiresAt
                + ", sequence=" + sequence
                + ", office=" + office + "]";
    }
}
