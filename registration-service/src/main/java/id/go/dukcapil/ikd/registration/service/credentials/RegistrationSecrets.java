package id.go.dukcapil.ikd.registration.service.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The registration secret the app sends on later calls: 256 random bits, so a plain SHA-256 is
 * enough to store it (nothing to brute-force), compared in constant time.
 */
@ApplicationScoped
public class RegistrationSecrets {

    /** Compared against when the registration does not exist, so that both cases cost the same. */
    private static final byte[] NO_REGISTRATION = new byte[32];

    private final SecureRandom random = new SecureRandom();

    public String newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** True only when {@code presented} hashes to {@code storedHash}; {@code storedHash} null means no such registration. */
    public boolean matches(String presented, byte[] storedHash) {
        byte[] expected = storedHash == null ? NO_REGISTRATION : storedHash;
        byte[] actual = hash(presented == null ? "" : presented);
        return MessageDigest.isEqual(expected, actual) && storedHash != null;
    }
}
