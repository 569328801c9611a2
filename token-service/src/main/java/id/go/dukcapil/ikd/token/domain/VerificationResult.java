package id.go.dukcapil.ikd.token.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to one presentation of a QR token.
 *
 * @param reason     null when valid
 * @param jti        null when the token could not be parsed
 * @param subject    null when the token could not be parsed
 * @param attributes only when valid, and only those the relying party's scope allows
 * @param holder     only when valid: the identity the token stands for, as the projection holds it
 * @param reference  the verification record's reference, which the relying party can quote
 */
public record VerificationResult(boolean valid, VerificationReason reason, String jti, String subject,
        Instant issuedAt, Instant expiresAt, Map<String, String> attributes, Holder holder, String reference) {

    /**
     * The holder's identity in the projection: the issuing office, and where the registry photo is
     * fetched from (the registration) with the digest it must have. Never taken from the QR.
     */
    public record Holder(UUID registrationId, String officeCode, String officeName, String photoSha256) {
    }

    public static VerificationResult invalid(VerificationReason reason, String jti, String subject) {
        return new VerificationResult(false, reason, jti, subject, null, null, Map.of(), null, null);
    }

    public VerificationResult withReference(String reference) {
        return new VerificationResult(valid, reason, jti, subject, issuedAt, expiresAt, attributes, holder, reference);
    }

    /** Whether the relying party learned the photo: its scope and the code allowed {@code ikd.photo}. */
    public boolean photoReleased() {
        return valid && holder != null && holder.photoSha256() != null
                && attributes.containsKey(Scopes.ATTRIBUTES.get(Scopes.PHOTO).name());
    }
}
