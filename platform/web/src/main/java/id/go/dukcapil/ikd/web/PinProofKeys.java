package id.go.dukcapil.ikd.web;

import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.jboss.logging.Logger;

import io.smallrye.config.ConfigMapping;

/**
 * The key of the app-PIN proofs (suite contract): activation-service MACs a proof when the
 * citizen enters the app PIN, token-service checks it before minting a QR token. Both are the
 * suite's own services and the proof never leaves the pair, so a shared HMAC-SHA256 key gives the
 * same assurance as a signature (either side can already mint or issue on its own) at a small part
 * of the cost of an ES256 verification on every mint. {@code kid} names a key without revealing
 * it; previous keys stay accepted while a new one is rolled out ({@link HmacKeyRing}).
 */
public final class PinProofKeys {

    public static final String ALGORITHM = "HS256";
    /** The JWS {@code typ} of a PIN proof, which no other token of the suite carries. */
    public static final String TYPE = "ikd-pin-proof+jwt";

    /** {@code ikd.pin-proof.*}: set in activation-service and token-service (IKD_PIN_PROOF_KEY). */
    @ConfigMapping(prefix = "ikd.pin-proof")
    public interface Config {
        /** HMAC-SHA256 key, base64, at least 32 bytes; the same in both services. */
        Optional<String> key();

        /** Keys still accepted (not used to sign) while a new key is rolled out. */
        Optional<List<String>> previousKeys();
    }

    private static final Logger LOG = Logger.getLogger(PinProofKeys.class);

    private final HmacKeyRing keys;

    private PinProofKeys(HmacKeyRing keys) {
        this.keys = keys;
    }

    /** The keys of {@code config}; fails at start-up, with the setting's name, when there is none or it is short. */
    public static PinProofKeys of(Config config) {
        PinProofKeys keys = new PinProofKeys(HmacKeyRing.of(config.key(), config.previousKeys(),
                "ikd.pin-proof.key (IKD_PIN_PROOF_KEY)", "ikd.pin-proof.previous-keys",
                "the HMAC key of app-PIN proofs, the same in activation-service and token-service"));
        // the kids name the keys without revealing them: activation-service and token-service must log the same
        LOG.infof("PIN-proof keys: %s", keys.describe());
        return keys;
    }

    /** The kids of the keys, current first: what the two services' start-up logs compare. */
    public String describe() {
        return keys.describe();
    }

    public String currentKid() {
        return keys.currentKid();
    }

    /** The key new proofs are MACed with. */
    public SecretKey currentKey() {
        return keys.currentKey();
    }

    /** The accepted key named {@code kid} (the current or a previous one): what a JWS library checks a proof's MAC with. */
    public Optional<SecretKey> acceptedKey(String kid) {
        return keys.acceptedKey(kid);
    }
}
