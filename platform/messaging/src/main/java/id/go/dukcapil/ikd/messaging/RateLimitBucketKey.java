package id.go.dukcapil.ikd.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key under which {@link RateLimitWindows} names its counters: a bucket such as
 * {@code SUBMISSION:address:203.0.113.7} is stored as a keyed hash (HMAC-SHA256, 128 bits, base64url),
 * so a copy of the database does not list the addresses and devices of the last hour (UU PDP:
 * a counter needs to tell requests apart, not to know who sent them). Each service that counts
 * produces one, derived from a secret it already keeps outside the database, with a label of its
 * own (an HMAC of the label under that secret, NIST SP 800-108's counter-mode KDF in one block), so
 * no new secret has to be distributed. A new secret only starts the counts afresh.
 */
public final class RateLimitBucketKey {

    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec key;

    private RateLimitBucketKey(byte[] key) {
        this.key = new SecretKeySpec(key, MAC);
    }

    /** The key derived from {@code secret} (at least 32 bytes) for {@code label}, e.g. {@code "registration-service"}. */
    public static RateLimitBucketKey derivedFrom(byte[] secret, String label) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("a rate-limit bucket key is derived from a secret of at least 32 bytes");
        }
        byte[] info = ("ikd.rate-limit.bucket-key\0" + label).getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[info.length + 1];
        System.arraycopy(info, 0, input, 0, info.length);
        input[info.length] = 1;
        return new RateLimitBucketKey(mac(new SecretKeySpec(secret, MAC), input));
    }

    /** What is stored for {@code bucket}: 22 characters, the same for the same bucket under this key. */
    public String name(String bucket) {
        byte[] digest = mac(key, bucket.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    }

    private static byte[] mac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
