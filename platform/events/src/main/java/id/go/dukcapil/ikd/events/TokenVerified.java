package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * Audit record of one online verification of a QR token by a relying party. Keyed by subject,
 * so one citizen's verifications stay in order; a token too malformed to name its subject is
 * keyed by its {@code jti}, and failing that by the relying party.
 *
 * @param jti          the token's id; absent only when the token could not be parsed
 * @param subject      pseudonymous subject; absent only when the token could not be parsed
 * @param relyingParty client id of the verifier that asked
 * @param reasonCode   absent when valid; otherwise {@code EXPIRED}, {@code BAD_SIGNATURE}, {@code UNKNOWN_KEY},
 *                     {@code REPLAYED}, {@code REVOKED}, {@code MALFORMED} (open set, upper snake case)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenVerified(
        String jti,
        String subject,
        String relyingParty,
        @JsonProperty(required = true) boolean valid,
        String reasonCode,
        Instant verifiedAt) implements IkdEvent {

    public TokenVerified {
        Objects.requireNonNull(relyingParty, "relyingParty is required");
        Objects.requireNonNull(verifiedAt, "verifiedAt is required");
        if (valid) {
            Objects.requireNonNull(jti, "jti is required when the token is valid");
            Objects.requireNonNull(subject, "subject is required when the token is valid");
            if (reasonCode != null) {
                throw new IllegalArgumentException("reasonCode must be absent when the token is valid");
            }
        } else {
            Objects.requireNonNull(reasonCode, "reasonCode is required when the token is not valid");
        }
    }

    @Override
    public String partitionKey() {
        if (subject != null) {
            return subject;
        }
        return jti != null ? jti : relyingParty;
    }
}
