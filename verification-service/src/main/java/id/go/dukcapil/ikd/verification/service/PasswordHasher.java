package id.go.dukcapil.ikd.verification.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.web.Bulkhead;
import id.go.dukcapil.ikd.web.Bulkheads;
import io.smallrye.mutiny.Uni;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), so parameters can be raised later
 * without invalidating stored hashes. CPU- and memory-heavy by design (19 MiB each): every hash
 * runs in the {@code password-hash} bulkhead, sized from the heap at that memory per hash
 * ({@code ikd.bulkhead.password-hash.*}), so a burst of logins is answered 503 SERVICE_BUSY with
 * Retry-After instead of taking the heap.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    public static final String BULKHEAD = "password-hash";

    private final SecureRandom random = new SecureRandom();
    private final VerificationConfig.Passwords params;
    private final Bulkhead bulkhead;
    /** Compared against when the account does not exist, so that both paths cost the same. */
    private final String decoy;

    public PasswordHasher(VerificationConfig config, Bulkheads bulkheads) {
        this.params = config.passwords();
        this.bulkhead = bulkheads.named(BULKHEAD);
        this.decoy = hashNow("decoy-password-for-timing");
    }

    /** A new hash of {@code password}, made in the bulkhead; fails with SERVICE_BUSY when it is full. */
    public Uni<String> hash(String password) {
        return bulkhead.run(() -> hashNow(password));
    }

    /** For callers on a worker thread (start-up seeding): {@link #hash} waited for. */
    public String hashBlocking(String password) {
        return bulkhead.call(() -> hashNow(password));
    }

    /**
     * Whether {@code password} matches {@code phc}, checked in the bulkhead; a null {@code phc} (no
     * such account) costs one hash too and is false. Fails with SERVICE_BUSY when the bulkhead is full.
     */
    public Uni<Boolean> verify(String password, String phc) {
        return bulkhead.run(() -> matches(password, phc));
    }

    private String hashNow(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, params.memoryKib(), params.iterations(), params.parallelism(), HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    boolean matches(String password, String phc) {
        if (phc == null) {
            matches(password, decoy);
            return false;
        }
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String param : parts[3].split(",")) {
            String[] kv = param.split("=");
            switch (kv[0]) {
                case "m" -> memory = Integer.parseInt(kv[1]);
                case "t" -> iterations = Integer.parseInt(kv[1]);
                case "p" -> parallelism = Integer.parseInt(kv[1]);
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
