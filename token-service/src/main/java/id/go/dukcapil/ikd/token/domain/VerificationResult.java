package id.go.dukcapil.ikd.token.domain;

import java.time.Instant;
import java.util.Map;

/**
 * The answer to one presentation of a QR token.
 *
 * @param reason     null when valid
 * @param jti        null when the token could not be parsed
 * @param subject    null when the token could not be parsed
 * @param attributes only when valid, and only those the relying party's scope allows
 */
public record VerificationResult(boolean valid, VerificationReason reason, String jti, String subject,
        Instant issuedAt, Instant expiresAt, Map<String, String> attributes) {

    public static VerificationResult invalid(VerificationReason reason, String jti, String subject) {
        return new VerificationResult(false, reason, jti, subject, null, null, Map.of());
    }
}
