package id.go.dukcapil.ikd.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fresh counter code (SOP step 3) for a registration: the signed QR payload carries
 * {@code codeId}, the operator may type {@code shortCode} instead. Each new code replaces the
 * previous one, so the verifier accepts only the code with the highest {@code sequence}, and
 * only until {@code expiresAt}.
 *
 * @param codeId    the {@code jti} of the signed QR payload
 * @param shortCode human-typable form of the same code, upper case, e.g. {@code K7M2-Q9XD}
 * @param sequence  1 for the code issued at submission, +1 for each new one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CounterCodeIssued(UUID registrationId, UUID codeId, String shortCode, int sequence,
        Instant issuedAt, Instant expiresAt) implements IkdEvent {

    public CounterCodeIssued {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(codeId, "codeId is required");
        Objects.requireNonNull(shortCode, "shortCode is required");
        Objects.requireNonNull(issuedAt, "issuedAt is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a counter code must expire after it is issued");
        }
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
