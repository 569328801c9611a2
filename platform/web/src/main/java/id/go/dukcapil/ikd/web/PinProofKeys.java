package id.go.dukcapil.ikd.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import io.smallrye.config.ConfigMapping;

/**
 * The key of the app-PIN proofs (suite contract): activation-service MACs a proof when the
 * citizen enters the app PIN, token-service checks it before minting a QR token. Both are the
 * suite's own services and the proof never leaves the pair, so a shared HMAC-SHA256 key gives the
 * same assurance as a signature (either side can already mint or issue on its own) at a small part
 * of the cost of an ES256 verification on every mint. {@code kid} names a key without revealing
 * it; previous keys stay accepted while a new one is rolled out.
 */
public final class PinProofKeys {

    public static final String ALGORITHM = "HS256";
    /** The JWS {@code typ} of a PIN proof, which no other token of the suite carries. */
    public static final String TYPE = "ikd-pin-proof+jwt";
    private static final String MAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    /** {@code ikd.pin-proof.*}: set in activation-service and token-service (IKD_PIN_PROOF_KEY). */
    @ConfigMapping(prefix = "ikd.pin-proof")
    public interface Config {
        /** HMAC-SHA256 key, base64, at least 32 bytes; the same in both services. */
        Optional<String> key();

        /** Keys still accepted (not used to sign) while a new key is rolled out. */
        Optional<List<String>> previousKeys();
    }

    private static final Logger LOG = Logger.getLogger(PinProofKeys.class);

    private final String currentKid;
    private final SecretKey current;
    private final Map<String, SecretKey> accepted;

    private PinProofKeys(SecretKey current, List<SecretKey> previous) {
        this.current = current;
        this.currentKid = kid(current);
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(currentKid, current);
        previous.forEach(key -> keys.putIfAbsent(kid(key), key));
        this.accepted = Map.copyOf(keys);
    }

    /** The keys of {@code config}; fails at start-up, with the setting's name, when there is none or it is short. */
    public static PinProofKeys of(Config config) {
        String key = config.key().filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "ikd.pin-proof.key (IKD_PIN_PROOF_KEY) is not set: the HMAC key of app-PIN proofs, base64 of at least "
                        + MIN_KEY_BYTES + " random bytes, the same in activation-service and token-service"));
        PinProofKeys keys = new PinProofKeys(secret(key, "ikd.pin-proof.key"),
                config.previousKeys().orElse(List.of()).stream().map(k -> secret(k, "ikd.pin-proof.previous-keys")).toList());
        // the kids name the keys without revealing them: activation-service and token-service must log the same
        LOG.infof("PIN-proof keys: %s", keys.describe());
        return keys;
    }

    /** The kids of the keys, current first: what the two services' start-up logs compare. */
    public String describe() {
        List<String> previous = accepted.keySet().stream().filter(kid -> !kid.equals(currentKid)).sorted().toList();
        return "current kid " + currentKid + (previous.isEmpty() ? ", no previous keys" : ", previous kids " + String.join(" ", previous));
    }

    public String currentKid() {
        return currentKid;
    }

    /** The key new proofs are MACed with. */
    public SecretKey currentKey() {
        return current;
    }

    /** The accepted key named {@code kid} (the current or a previous one): what a JWS library checks a proof's MAC with. */
    public Optional<SecretKey> acceptedKey(String kid) {
        return Optional.ofNullable(kid == null ? null : accepted.get(kid));
    }

    private static SecretKey secret(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64", e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(setting + " is " + bytes.length + " bytes; at least " + MIN_KEY_BYTES
                    + " random bytes are needed");
        }
        return new SecretKeySpec(bytes, MAC);
    }

    /** The first 64 bits of the key's SHA-256, base64url: names the key, reveals nothing of it. */
    private static String kid(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
