package id.go.dukcapil.ikd.crypto;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * JSON Web Keys through jose4j: the RFC 7638 thumbprint, and the app's device key, a public EC
 * P-256 key whose point lies on the curve (Bouncy Castle checks it). Registration and activation
 * both bind an identity to this thumbprint, so there is exactly one way to compute it.
 */
public final class Jwks {

    private static final X9ECParameters P256 = ECNamedCurveTable.getByName("P-256");

    private Jwks() {
    }

    /** The RFC 7638 SHA-256 thumbprint of a JWK, base64url without padding. */
    public static String thumbprint(String jwk) {
        try {
            return JsonWebKey.Factory.newJwk(jwk).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWK", e);
        }
    }

    /** The RFC 7638 SHA-256 thumbprint of a public key (as a {@code kid}), base64url without padding. */
    public static String thumbprint(PublicKey key) {
        try {
            return JsonWebKey.Factory.newJwk(key).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalArgumentException("no JWK for a " + key.getAlgorithm() + " key", e);
        }
    }

    /**
     * The public key of an EC P-256 JWK; {@link IllegalArgumentException} when it is not one, holds
     * a private part, or its point is not on the curve (an invalid-curve key must never be bound).
     */
    public static ECPublicKey p256PublicKey(String jwk) {
        JsonWebKey key;
        try {
            key = JsonWebKey.Factory.newJwk(jwk);
        } catch (JoseException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWK", e);
        }
        if (!(key instanceof EllipticCurveJsonWebKey ec) || !EllipticCurves.P_256.equals(ec.getCurveName())) {
            throw new IllegalArgumentException("not an EC P-256 JWK");
        }
        if (ec.getPrivateKey() != null) {
            throw new IllegalArgumentException("a private JWK where a public one belongs");
        }
        ECPublicKey publicKey = ec.getECPublicKey();
        BigInteger x = publicKey.getW().getAffineX();
        BigInteger y = publicKey.getW().getAffineY();
        try {
            P256.getCurve().validatePoint(x, y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the point is not on P-256", e);
        }
        return publicKey;
    }
}
