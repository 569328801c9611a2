package id.go.dukcapil.ikd.local.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Solves activation-service's proof-of-work captcha (the ALTCHA scheme) the way the activation
 * page does in the browser: the number in {@code [0, maxnumber]} whose
 * {@code sha256hex(salt + number)} is the challenge.
 */
public final class ProofOfWork {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** The challenge as {@code GET /api/v1/activations/captcha-challenge} returns it. */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }

    private ProofOfWork() {
    }

    /** The secret number behind the challenge; an {@link IllegalArgumentException} when there is none in range. */
    public static long solve(Challenge challenge) {
        if (!"SHA-256".equals(challenge.algorithm())) {
            throw new IllegalArgumentException("unsupported captcha algorithm: " + challenge.algorithm());
        }
        MessageDigest sha256 = sha256();
        for (long number = 0; number <= challenge.maxnumber(); number++) {
            byte[] digest = sha256.digest((challenge.salt() + number).getBytes(StandardCharsets.UTF_8));
            if (HEX.formatHex(digest).equals(challenge.challenge())) {
                return number;
            }
        }
        throw new IllegalArgumentException("no number in [0, " + challenge.maxnumber() + "] solves the captcha");
    }

    /** What the activation API takes as {@code captcha}: base64 of {algorithm, challenge, number, salt, signature}. */
    public static String payload(Challenge challenge, long number) {
        Map<String, Object> solution = new LinkedHashMap<>();
        solution.put("algorithm", challenge.algorithm());
        solution.put("challenge", challenge.challenge());
        solution.put("number", number);
        solution.put("salt", challenge.salt());
        solution.put("signature", challenge.signature());
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(solution));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String value) {
        return HEX.formatHex(sha256().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
