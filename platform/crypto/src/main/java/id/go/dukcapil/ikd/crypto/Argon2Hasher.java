package id.go.dukcapil.ikd.crypto;

import id.go.dukcapil.ikd.web.Bulkhead;
import io.smallrye.mutiny.Uni;

/**
 * Argon2id hashes of passwords and PINs, each computed in a {@link Bulkhead}: on its own bounded
 * threads, never the event loop, with the answer back on the caller's Vert.x context, and a burst
 * beyond the bulkhead refused with 503 SERVICE_BUSY instead of taking the heap. New hashes use
 * {@code parameters}; stored hashes are checked with theirs, up to {@code ceiling}.
 */
public final class Argon2Hasher {

    private static final String DECOY_SECRET = "decoy-secret-for-timing";

    private final Argon2id.Parameters parameters;
    private final Argon2id.Parameters ceiling;
    private final Bulkhead bulkhead;
    /** Checked against when there is no stored hash (no such account), so both paths cost the same. */
    private volatile String decoy;

    public Argon2Hasher(Argon2id.Parameters parameters, Argon2id.Parameters ceiling, Bulkhead bulkhead) {
        if (!parameters.within(ceiling)) {
            throw new IllegalArgumentException("Argon2id parameters " + parameters + " exceed the ceiling " + ceiling);
        }
        this.parameters = parameters;
        this.ceiling = ceiling;
        this.bulkhead = bulkhead;
    }

    /** A ceiling for stored hashes: the given parameters, and at least 64 MiB, 10 passes and 1 lane. */
    public static Argon2id.Parameters ceilingFor(Argon2id.Parameters parameters) {
        return new Argon2id.Parameters(Math.max(parameters.memoryKib(), 64 * 1024), Math.max(parameters.iterations(), 10),
                parameters.parallelism());
    }

    /** A new hash of {@code secret}, made in the bulkhead; fails with SERVICE_BUSY when it is full. */
    public Uni<String> hash(String secret) {
        return bulkhead.run(() -> Argon2id.hash(secret, parameters));
    }

    /** For callers already on a worker thread (start-up seeding): {@link #hash} waited for. */
    public String hashBlocking(String secret) {
        return bulkhead.call(() -> Argon2id.hash(secret, parameters));
    }

    /**
     * Whether {@code secret} matches the stored hash, checked in the bulkhead. A null
     * {@code encoded} (no such account) costs one hash too and is false. Fails with SERVICE_BUSY
     * when the bulkhead is full, and with {@link IllegalStateException} for a stored hash that is
     * not Argon2id or exceeds the ceiling.
     */
    public Uni<Boolean> verify(String secret, String encoded) {
        return bulkhead.run(() -> matches(secret, encoded));
    }

    private boolean matches(String secret, String encoded) {
        if (encoded == null) {
            Argon2id.verify(secret, decoy(), ceiling);
            return false;
        }
        return Argon2id.verify(secret, encoded, ceiling);
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = Argon2id.hash(DECOY_SECRET, parameters);
            decoy = made;
        }
        return made;
    }
}
