package id.go.dukcapil.ikd.activation.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.activation.config.AppPinConfig;
import id.go.dukcapil.ikd.crypto.Argon2Hasher;
import id.go.dukcapil.ikd.crypto.Argon2id;
import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.HmacKeyRing;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * App PINs as a keyed hash: HMAC-SHA256 under a pepper kept outside the database, over a random
 * salt and the PIN, stored as {@code $hmac-sha256$k=<kid>$<salt>$<mac>}. A 6-digit PIN has 10^6
 * values, so a memory-hard hash barely slows an attacker who has the database, while its memory
 * made every check a denial-of-service lever; without the pepper the stored hashes cannot be
 * tried at all (docs/architecture.md, "App PIN"). One check costs microseconds and no heap to
 * speak of, so it runs where it is called. Hashes of an older pepper, and the Argon2id hashes
 * stored before ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), are verified once more
 * (the platform's {@link Argon2Hasher}, in the {@code argon2} bulkhead) and then replaced:
 * {@link Check#rehash()} says so.
 */
// created at start-up, so that a missing or short pepper stops the service before it is ready
@Startup
@ApplicationScoped
public class AppPinHasher {

    static final String PREFIX = "$hmac-sha256$k=";
    private static final byte[] PURPOSE = "ikd-app-pin\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();
    private static final Logger LOG = Logger.getLogger(AppPinHasher.class);

    private final HmacKeyRing peppers;
    private final Bulkheads bulkheads;
    private final SecureRandom random = new SecureRandom();
    /** Made on the first legacy hash: most instances never meet one. */
    private volatile Argon2Hasher legacyArgon2;

    public AppPinHasher(AppPinConfig config, Bulkheads bulkheads) {
        this.peppers = HmacKeyRing.of(config.pepper(), config.previousPeppers(),
                "ikd.app-pin.pepper (IKD_APP_PIN_PEPPER)", "ikd.app-pin.previous-peppers",
                "the pepper of the app-PIN hashes, kept outside the database");
        this.bulkheads = bulkheads;
        LOG.infof("app-PIN peppers: %s", peppers.describe());
    }

    /** The outcome of a check: whether the PIN is right, and whether its stored hash should be replaced by {@link #hash}. */
    public record Check(boolean matches, boolean rehash) {
        static final Check WRONG = new Check(false, false);
    }

    /** The stored form of a new app PIN, under the current pepper. */
    public String hash(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] mac = peppers.mac(PURPOSE, salt, pin.getBytes(StandardCharsets.US_ASCII));
        return PREFIX + peppers.currentKid() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(mac);
    }

    /** Checks {@code pin} against a stored hash; only a legacy Argon2id hash leaves the caller's thread. */
    public Uni<Check> verify(String pin, String encoded) {
        if (Argon2id.isArgon2id(encoded)) {
            return legacyArgon2().verify(pin, encoded).map(matches -> matches ? new Check(true, true) : Check.WRONG);
        }
        return Uni.createFrom().item(verifyKeyed(pin, encoded));
    }

    /** The pepper kid a stored hash was made with (for operations); null for a legacy hash. */
    public static String kidOf(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            return null;
        }
        int end = encoded.indexOf('$', PREFIX.length());
        return end < 0 ? null : encoded.substring(PREFIX.length(), end);
    }

    public String currentKid() {
        return peppers.currentKid();
    }

    /** The Argon2id hashes stored before: 19 MiB, 2 passes, 1 lane; a stored hash may ask for at most 64 MiB and 10 passes. */
    private Argon2Hasher legacyArgon2() {
        Argon2Hasher hasher = legacyArgon2;
        if (hasher == null) {
            Argon2id.Parameters stored = Argon2id.Parameters.OWASP_MINIMUM;
            hasher = new Argon2Hasher(stored, Argon2Hasher.ceilingFor(stored), bulkheads.named("argon2"));
            legacyArgon2 = hasher;
        }
        return hasher;
    }

    private Check verifyKeyed(String pin, String encoded) {
        String kid = kidOf(encoded);
        String[] parts = encoded.substring(PREFIX.length()).split("\\$");
        if (kid == null || parts.length != 3) {
            throw new IllegalStateException("stored app PIN hash has an unknown format");
        }
        if (!peppers.accepts(kid)) {
            // the pepper was retired while this hash still used it: the PIN can no longer be checked
            throw new IllegalStateException("app PIN hash made with pepper " + kid + ", which is no longer configured");
        }
        boolean matches = peppers.verify(kid, B64_IN.decode(parts[2]), PURPOSE, B64_IN.decode(parts[1]),
                pin.getBytes(StandardCharsets.US_ASCII));
        return new Check(matches, matches && !kid.equals(peppers.currentKid()));
    }
}
