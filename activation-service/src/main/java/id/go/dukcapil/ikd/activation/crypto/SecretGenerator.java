package id.go.dukcapil.ikd.activation.crypto;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

/** Every secret and pseudonym of the service comes from here: a CSPRNG, never the NIK. */
@ApplicationScoped
public class SecretGenerator {

    private static final int PIN_SPACE = 1_000_000;

    private final SecureRandom random = new SecureRandom();

    /** A 6-digit PIN, uniformly distributed (leading zeros kept). */
    public String pin() {
        return String.format("%06d", random.nextInt(PIN_SPACE));
    }

    /** An unguessable token of {@code bytes} random bytes, base64url without padding. */
    public String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** 256-bit link tokens (the brief asks for at least 128). */
    public String linkToken() {
        return token(32);
    }

    public String subject() {
        return token(16);
    }

    public long nextLong(long bound) {
        return random.nextLong(bound);
    }
}
