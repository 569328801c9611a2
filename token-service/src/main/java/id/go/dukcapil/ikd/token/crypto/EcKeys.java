package id.go.dukcapil.ikd.token.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** EC P-256 keys: generation, DER round trips, PEM reading, and the public JWK. */
public final class EcKeys {

    private EcKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    public static PublicKey publicKey(byte[] x509Der) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509Der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an EC public key", e);
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8Der) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an EC private key", e);
        }
    }

    /** A PEM "PUBLIC KEY" (SubjectPublicKeyInfo). */
    public static PublicKey publicKeyFromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return publicKey(Base64.getDecoder().decode(base64));
    }

    /** RFC 7517 JWK of a P-256 public key, for the JWKS. */
    public static Map<String, Object> publicJwk(String kid, PublicKey key) {
        ECPublicKey ec = (ECPublicKey) key;
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", CompactJws.base64Url(unsigned32(ec.getW().getAffineX())));
        jwk.put("y", CompactJws.base64Url(unsigned32(ec.getW().getAffineY())));
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", CompactJws.ES256);
        return jwk;
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == 32) {
            return bytes;
        }
        byte[] fixed = new byte[32];
        if (bytes.length > 32) {
            return Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
        }
        System.arraycopy(bytes, 0, fixed, 32 - bytes.length, bytes.length);
        return fixed;
    }
}
