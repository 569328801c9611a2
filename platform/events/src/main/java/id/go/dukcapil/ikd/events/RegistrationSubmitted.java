package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen registered in the IKD app and now waits for verification at a counter or by video call.
 * The selfie itself never travels on Kafka: only its digest, so the verifier can check that the
 * image it fetches is the one submitted.
 *
 * @param nik                 16-digit population number
 * @param phone               E.164, Indonesian numbers only ({@code +62...})
 * @param language            {@code id} or {@code en}: language of every message to the citizen
 * @param deviceKeyJwk        the app's public EC P-256 key as a JWK JSON string; activation binds it
 * @param deviceKeyThumbprint RFC 7638 SHA-256 thumbprint of {@code deviceKeyJwk}, base64url
 * @param shortCode           human-typable code the operator can type when the QR cannot be scanned
 * @param selfieSha256        lowercase hex SHA-256 of the selfie as stored
 * @param supersedes          the older pending registration of the same NIK that this one replaces, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationSubmitted(
        UUID registrationId,
        String nik,
        String email,
        String phone,
        String language,
        String deviceKeyJwk,
        String deviceKeyThumbprint,
        String shortCode,
        String selfieSha256,
        Instant submittedAt,
        UUID supersedes) implements IkdEvent {

    public RegistrationSubmitted {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(nik, "nik is required");
        Objects.requireNonNull(email, "email is required");
        Objects.requireNonNull(phone, "phone is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(deviceKeyJwk, "deviceKeyJwk is required");
        Objects.requireNonNull(deviceKeyThumbprint, "deviceKeyThumbprint is required");
        Objects.requireNonNull(shortCode, "shortCode is required");
        Objects.requireNonNull(selfieSha256, "selfieSha256 is required");
        Objects.requireNonNull(submittedAt, "submittedAt is required");
        if (registrationId.equals(supersedes)) {
            throw new IllegalArgumentException("a registration cannot supersede itself");
        }
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
