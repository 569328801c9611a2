package id.go.dukcapil.ikd.web;

import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} a client sends with a POST it may send again (its own retry, or the
 * gateway's after a replica died under it): a random value of at least 128 bits, e.g. a UUID.
 * Only what is derived from it is ever stored (see {@code IdempotentRequests}): it is never logged.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";

    /** The header's description in every OpenAPI document that accepts it. */
    public static final String DESCRIPTION = "Optional: a random key of at least 128 bits (22–128 of A–Z a–z 0–9 - _, "
            + "e.g. a UUID), new for each request and the same when that request is sent again. A repeat answers what "
            + "the first did, with no second effect, for a day; the gateway may then send it to another replica.";

    /** A request without the header: every send is its own request. */
    public static final IdempotencyKey NONE = new IdempotencyKey(null);

    /** 22 base64url characters carry 128 bits; a UUID (36) fits too. */
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    private final String value;

    private IdempotencyKey(String value) {
        this.value = value;
    }

    /** The header's key, {@link #NONE} when it is absent or blank; a malformed one is refused (400). */
    public static IdempotencyKey of(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String key = header.strip();
        if (!FORM.matcher(key).matches()) {
            throw new ProblemException(CommonProblems.IDEMPOTENCY_KEY_INVALID,
                    "Header Idempotency-Key harus 22–128 karakter huruf, angka, '-' atau '_', misalnya sebuah UUID acak.",
                    "The Idempotency-Key header must be 22–128 letters, digits, '-' or '_', e.g. a random UUID.");
        }
        return new IdempotencyKey(key);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** Where the answer is found: a digest, so the table alone does not give the key. */
    public String lookupHash() {
        return Digests.sha256Hex("ikd-idempotency-lookup\0" + require());
    }

    /** The AES key that seals the answer: only a client holding the key can have it opened. */
    public byte[] sealingKey() {
        return Digests.sha256("ikd-idempotency-answer\0" + require());
    }

    private String require() {
        if (value == null) {
            throw new IllegalStateException("no Idempotency-Key");
        }
        return value;
    }

    @Override
    public String toString() {
        return value == null ? "IdempotencyKey[none]" : "IdempotencyKey[" + lookupHash().substring(0, 8) + "…]";
    }
}
