package id.go.dukcapil.ikd.registration.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A counter code (SOP step 3): the signed QR payload (compact JWS, {@code typ}
 * {@code ikd-counter+jwt}) and the same code in a typable form.
 */
public record CounterCode(UUID codeId, String shortCode, String payload, Instant issuedAt, Instant expiresAt) {
}
