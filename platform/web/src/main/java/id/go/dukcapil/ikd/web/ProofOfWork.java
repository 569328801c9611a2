package id.go.dukcapil.ikd.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.altcha.altcha.Altcha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suite's proof-of-work captcha: ALTCHA, through its maintained Java library
 * ({@code org.altcha:altcha} 1.3.0+), with no external service; one mechanism for every public
 * form (activation-service's activation page, verification-service's complaint form). The browser
 * searches the number with {@code SHA-256(salt + number) = challenge}; the challenge is
 * HMAC-signed with the service's own key. The expiry sits in the salt, and since 1.3.0 the salt
 * ends with {@code &}, so digits can no longer be moved between {@code number} and {@code expires}
 * with hash and signature still valid (CVE-2025-68113). Expiry is checked here against the given
 * clock; single use is the caller's, which records accepted challenges until they expire.
 */
public final class ProofOfWork {

    public static final String ALGORITHM = "SHA-256";
    private static final int MAX_PAYLOAD = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String hmacKey;
    private final long maxNumber;
    private final Duration validity;
    private final Clock clock;

    /** {@code hmacKey}: a key of the captcha's own (never one that signs or hashes anything else). */
    public ProofOfWork(String hmacKey, long maxNumber, Duration validity, Clock clock) {
        if (Objects.requireNonNull(hmacKey, "hmacKey is required").length() < 32) {
            throw new IllegalArgumentException("the captcha key must be at least 32 characters");
        }
        this.hmacKey = hmacKey;
        this.maxNumber = maxNumber;
        this.validity = Objects.requireNonNull(validity, "validity is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** What the browser receives (the ALTCHA challenge JSON). */
    /** A challenge as the services' OpenAPI documents show it (one example for every service that issues them). */
    public static final String CHALLENGE_EXAMPLE = """
            {"algorithm": "SHA-256",
             "challenge": "5f1b7a0c3e9d42b8a6c4e2f0d8b6a4c2e0f8d6b4a2c0e8f6d4b2a0c8e6f4d2b0",
             "maxnumber": 100000, "salt": "3c9e1a7b5d2f4e6a?expires=1796437800",
             "signature": "a4d2f0b8c6e4a2d0f8b6c4e2a0d8f6b4c2e0a8d6f4b2c0e8a6d4f2b0c8e6a4d2"}""";

    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }

    /** An accepted solution: its challenge must now be recorded as used, until {@code expiresAt}. */
    public record Solution(String challenge, Instant expiresAt) {
    }

    public Challenge issue() {
        long expires = clock.instant().plus(validity).getEpochSecond();
        try {
            Altcha.Challenge issued = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256)
                    .setMaxNumber(maxNumber)
                    .setSecureRandomNumber(true)
                    .setExpires(expires)
                    .setHmacKey(hmacKey));
            return new Challenge(issued.algorithm, issued.challenge, issued.maxnumber, issued.salt, issued.signature);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create an ALTCHA challenge", e);
        }
    }

    /** The challenge as the page's {@code data-challenge} attribute carries it. */
    public static String json(Challenge challenge) {
        try {
            return JSON.writeValueAsString(challenge);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the captcha challenge", e);
        }
    }

    /**
     * Checks a solution as the widget submits it: base64 of
     * {@code {"algorithm","challenge","number","salt","signature"}}. Empty when it is not valid.
     */
    public Optional<Solution> verify(String payload) {
        if (payload == null || payload.isBlank() || payload.length() > MAX_PAYLOAD) {
            return Optional.empty();
        }
        try {
            JsonNode fields = JSON.readTree(Base64.getDecoder().decode(payload.trim()));
            JsonNode number = fields.path("number");
            if (!ALGORITHM.equals(fields.path("algorithm").asText()) || !number.isIntegralNumber()
                    || !number.canConvertToLong() || number.asLong() < 0) {
                return Optional.empty();
            }
            Altcha.Payload solution = new Altcha.Payload();
            solution.algorithm = ALGORITHM;
            solution.challenge = fields.path("challenge").asText();
            solution.number = number.asLong();
            solution.salt = fields.path("salt").asText();
            solution.signature = fields.path("signature").asText();
            if (solution.challenge.isEmpty() || solution.salt.isEmpty() || solution.signature.isEmpty()) {
                return Optional.empty();
            }
            // the library's own expiry check reads the system clock; ours uses the service's clock
            if (!Altcha.verifySolution(solution, hmacKey, false)) {
                return Optional.empty();
            }
            String expires = Altcha.extractParams(solution.salt).get("expires");
            if (expires == null) {
                return Optional.empty(); // every challenge issued here carries one
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(expires));
            return clock.instant().isBefore(expiresAt) ? Optional.of(new Solution(solution.challenge, expiresAt))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // malformed base64, JSON, parameters or numbers: just not a solution
        }
    }
}
