package id.go.dukcapil.ikd.token.domain;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;

import id.go.dukcapil.ikd.token.crypto.CompactJws;

/**
 * One QR signing key as a replica holds it in memory (private key already decrypted). It signs
 * from {@code activeFrom} until {@code retiredAt}; the database row is the source of truth.
 *
 * @param headerB64 the encoded JWS header of the tokens it signs (typ, alg and this kid)
 */
public record SigningKey(String kid, PublicKey publicKey, PrivateKey privateKey, Instant createdAt,
        Instant activeFrom, Instant retiredAt, String headerB64) {

    /** The pinned {@code typ} of QR tokens. */
    public static final String QR_TYP = "ikd-qr+jwt";

    public SigningKey(String kid, PublicKey publicKey, PrivateKey privateKey, Instant createdAt, Instant activeFrom,
            Instant retiredAt) {
        this(kid, publicKey, privateKey, createdAt, activeFrom, retiredAt,
                CompactJws.base64Url("{\"alg\":\"ES256\",\"typ\":\"" + QR_TYP + "\",\"kid\":\"" + kid + "\"}"));
    }

    public boolean signsAt(Instant now) {
        return !activeFrom.isAfter(now) && (retiredAt == null || retiredAt.isAfter(now));
    }
}
