package id.go.dukcapil.ikd.activation.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;

/**
 * A proof-of-work captcha in the ALTCHA scheme, with no external service: the server hands out
 * {@code challenge = SHA-256(salt + secretNumber)} signed with its HMAC key, the browser searches
 * the number (0…maxnumber), the server checks signature, expiry (inside the salt, so it is signed
 * too) and solution. Single use is enforced by the caller, which records accepted challenges.
 */
@ApplicationScoped
public class ProofOfWorkCaptcha {

    public static final String ALGORITHM = "SHA-256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final KeyedHasher hasher;
    private final SecretGenerator secrets;
    private final ActivationConfig config;
    private final Clock clock;

    public ProofOfWorkCaptcha(KeyedHasher hasher, SecretGenerator secrets, ActivationConfig config, Clock clock) {
        this.hasher = hasher;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /** What the browser receives (the ALTCHA challenge JSON). */
    public record Challenge(String algorithm, String challenge, int maxnumber, String salt, String signature) {
    }

    /** An accepted solution: its challenge must now be recorded as used, until {@code expiresAt}. */
    public record Solution(String challenge, Instant expiresAt) {
    }

    public Challenge issue() {
        long expires = clock.instant().plus(config.captcha().validity()).getEpochSecond();
        String salt = secrets.token(12) + "?expires=" + expires;
        long number = secrets.nextLong(config.captcha().maxNumber() + 1L);
        String challenge = sha256Hex(salt + number);
        return new Challenge(ALGORITHM, challenge, config.captcha().maxNumber(), salt, sign(challenge));
    }

    /**
     * Checks a solution as the widget submits it: base64 of
     * {@code {"algorithm","challenge","number","salt","signature"}}. Empty when it is not valid.
     */
    public Optional<Solution> verify(String payload) {
        if (payload == null || payload.isBlank() || payload.length() > 2048) {
            return Optional.empty();
        }
        try {
            JsonNode solution = JSON.readTree(Base64.getDecoder().decode(payload.trim()));
            String algorithm = solution.path("algorithm").asText();
            String challenge = solution.path("challenge").asText();
            String salt = solution.path("salt").asText();
            String signature = solution.path("signature").asText();
            JsonNode number = solution.path("number");
            if (!ALGORITHM.equals(algorithm) || !number.canConvertToLong() || challenge.isEmpty()) {
                return Optional.empty();
            }
            Optional<Instant> expiresAt = expiry(salt);
            if (expiresAt.isEmpty() || !clock.instant().isBefore(expiresAt.get())) {
                return Optional.empty();
            }
            boolean signed = MessageDigest.isEqual(sign(challenge).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
            boolean solved = MessageDigest.isEqual(sha256Hex(salt + number.asLong()).getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
            return signed && solved ? Optional.of(new Solution(challenge, expiresAt.get())) : Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String challenge) {
        return HEX.formatHex(hasher.hash(KeyedHasher.CAPTCHA, challenge));
    }

    private static Optional<Instant> expiry(String salt) {
        int at = salt.indexOf("?expires=");
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(salt.substring(at + "?expires=".length()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String sha256Hex(String value) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
