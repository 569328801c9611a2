package id.go.dukcapil.ikd.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import id.go.dukcapil.ikd.web.HmacKeyRing;

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

    private static final byte[] FIRST_BLOCK = { 1 };

    private final HmacKeyRing key;

    private RateLimitBucketKey(HmacKeyRing key) {
        this.key = key;
    }

    /** The key derived from {@code secret} (at least 32 bytes) for {@code label}, e.g. {@code "registration-service"}. */
    public static RateLimitBucketKey derivedFrom(byte[] secret, String label) {
        byte[] info = ("ikd.rate-limit.bucket-key\0" + label).getBytes(StandardCharsets.UTF_8);
        return new RateLimitBucketKey(HmacKeyRing.ofKey(HmacKeyRing.ofKey(secret).mac(info, FIRST_BLOCK)));
    }

    /** What is stored for {@code bucket}: 22 characters, the same for the same bucket under this key. */
    public String name(String bucket) {
        byte[] digest = key.mac(bucket.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }
}
