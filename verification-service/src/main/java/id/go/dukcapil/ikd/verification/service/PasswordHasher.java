package id.go.dukcapil.ikd.verification.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.crypto.Argon2Hasher;
import id.go.dukcapil.ikd.crypto.Argon2id;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.web.Bulkheads;
import io.smallrye.mutiny.Uni;

/**
 * Operator passwords as Argon2id in the PHC string format, through the platform's
 * {@link Argon2Hasher} with this service's parameters ({@code ikd.verification.passwords.*}).
 * CPU- and memory-heavy by design (19 MiB each): every hash runs in the {@code password-hash}
 * bulkhead, sized from the heap at that memory per hash ({@code ikd.bulkhead.password-hash.*}), so
 * a burst of logins is answered 503 SERVICE_BUSY with Retry-After instead of taking the heap.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final String BULKHEAD = "password-hash";
    private static final Logger LOG = Logger.getLogger(PasswordHasher.class);

    private final Argon2Hasher argon2;

    public PasswordHasher(VerificationConfig config, Bulkheads bulkheads) {
        VerificationConfig.Passwords passwords = config.passwords();
        Argon2id.Parameters parameters = new Argon2id.Parameters(passwords.memoryKib(), passwords.iterations(),
                passwords.parallelism());
        this.argon2 = new Argon2Hasher(parameters, Argon2Hasher.ceilingFor(parameters), bulkheads.named(BULKHEAD));
    }

    /** A new hash of {@code password}, made in the bulkhead; fails with SERVICE_BUSY when it is full. */
    public Uni<String> hash(String password) {
        return argon2.hash(password);
    }

    /** For callers on a worker thread (start-up seeding): {@link #hash} waited for. */
    public String hashBlocking(String password) {
        return argon2.hashBlocking(password);
    }

    /**
     * Whether {@code password} matches {@code phc}, checked in the bulkhead; a null {@code phc} (no
     * such account) costs one hash too and is false, and so is a stored hash that is not a usable
     * Argon2id one. Fails with SERVICE_BUSY when the bulkhead is full.
     */
    public Uni<Boolean> verify(String password, String phc) {
        return argon2.verify(password, phc).onFailure(IllegalStateException.class).recoverWithItem(failure -> {
            LOG.warnf("an operator's stored password hash cannot be checked: %s", failure.getMessage());
            return false;
        });
    }
}
