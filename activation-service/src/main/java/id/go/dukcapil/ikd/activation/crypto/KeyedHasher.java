package id.go.dukcapil.ikd.activation.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;

/**
 * HMAC-SHA-256 with the service's secret key: PINs and tokens are stored only as these hashes,
 * so a copy of the database alone does not let anyone try the 10^6 possible PINs offline.
 * Each use gets its own purpose label, so a hash of one kind can never stand for another.
 */
@ApplicationScoped
public class KeyedHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public KeyedHasher(ActivationConfig config) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(config.hashKey()), ALGORITHM);
    }

    public byte[] hash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Constant-time comparison of {@code value}'s hash with a stored one. */
    public boolean matches(String purpose, String value, byte[] storedHash) {
        return MessageDigest.isEqual(hash(purpose, value), storedHash);
    }

    public static final String PIN = "activation-pin";
    public static final String LINK_TOKEN = "activation-link";
    public static final String REFRESH_TOKEN = "refresh-token";
    public static final String DEACTIVATION_LINK = "deactivation-link";
    public static final String CAPTCHA = "captcha";
}
