package id.go.dukcapil.ikd.token.domain;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * One QR signing key as a replica holds it in memory (private key already decrypted). It signs
 * from {@code activeFrom} until {@code retiredAt}; the database row is the source of truth.
 */
public record SigningKey(String kid, PublicKey publicKey, PrivateKey privateKey, Instant createdAt,
        Instant activeFrom, Instant retiredAt) {

    /** The pinned {@code typ} of the legacy JWS QR tokens (accepted until the last one expired). */
    public static final String QR_TYP = "ikd-qr+jwt";

    /** The kid as the COSE header carries it: the 6 random bytes its base64url text names (2 bytes fewer in the QR). */
    public byte[] kidBytes() {
        return Base64.getUrlDecoder().decode(kid);
    }

    public boolean signsAt(Instant now) {
        return !activeFrom.isAfter(now) && (retiredAt == null || retiredAt.isAfter(now));
    }
}
