package id.go.dukcapil.ikd.activation.crypto;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.altcha.altcha.Altcha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;

/**
 * The proof-of-work captcha: ALTCHA, through its maintained Java library ({@code org.altcha:altcha}
 * 1.3.0+), with no external service. The browser searches the number with
 * {@code SHA-256(salt + number) = challenge}; the challenge is HMAC-signed. The expiry sits in
 * the salt, and since 1.3.0 the salt ends with {@code &}, so digits can no longer be moved
 * between {@code number} and {@code expires} with hash and signature still valid (the splicing
 * flaw, CVE-2025-68113). Expiry is checked here against the service's clock, and single use by
 * the caller, which records accepted challenges.
 */
@ApplicationScoped
public class ProofOfWorkCaptcha {

    public static final String ALGORITHM = "SHA-256";
    private static final int MAX_PAYLOAD = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String hmacKey;
    private final ActivationConfig config;
    private final Clock clock;

    public ProofOfWorkCaptcha(KeyedHasher hasher, ActivationConfig config, Clock clock) {
        // a key of its own, derived from the service key, so a captcha signature can never stand for another hash
        this.hmacKey = HexFormat.of().formatHex(hasher.hash(KeyedHasher.CAPTCHA, "altcha-hmac-key"));
        this.config = config;
        this.clock = clock;
    }

    /** What the browser receives (the ALTCHA challenge JSON). */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }

    /** An accepted solution: its challenge must now be recorded as used, until {@code expiresAt}. */
    public record Solution(String challenge, Instant expiresAt) {
    }

    public Challenge issue() {
        long expires = clock.instant().plus(config.captcha().validity()).getEpochSecond();
        try {
            Altcha.Challenge issued = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256)
                    .setMaxNumber((long) config.captcha().maxNumber())
                    .setSecureRandomNumber(true)
                    .setExpires(expires)
                    .setHmacKey(hmacKey));
            return new Challenge(issued.algorithm, issued.challenge, issued.maxnumber, issued.salt, issued.signature);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create an ALTCHA challenge", e);
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
                return Optional.empty(); // every challenge this service issues carries one
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(expires));
            return clock.instant().isBefore(expiresAt) ? Optional.of(new Solution(solution.challenge, expiresAt))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // malformed base64, JSON, parameters or numbers: just not a solution
        }
    }
}
