package id.go.dukcapil.ikd.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (Bouncy Castle) in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded base64), the one format every
 * service stores: the parameters travel with each hash, so they can be raised later without
 * invalidating what is stored. Computing one costs {@code m} KiB of heap and real CPU, so callers
 * on a request path use {@link Argon2Hasher}, which runs it in a bulkhead off the event loop.
 */
public final class Argon2id {

    static final String PREFIX = "$argon2id$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Memory in KiB, passes, lanes. */
    public record Parameters(int memoryKib, int iterations, int parallelism) {

        /** OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): what the suite has stored so far. */
        public static final Parameters OWASP_MINIMUM = new Parameters(19 * 1024, 2, 1);

        public Parameters {
            if (parallelism < 1 || memoryKib < 8 * parallelism || iterations < 1) {
                throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKib + ",t=" + iterations
                        + ",p=" + parallelism);
            }
        }

        boolean within(Parameters ceiling) {
            return memoryKib <= ceiling.memoryKib && iterations <= ceiling.iterations && parallelism <= ceiling.parallelism;
        }

        @Override
        public String toString() {
            return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    private Argon2id() {
    }

    public static boolean isArgon2id(String encoded) {
        return encoded != null && encoded.startsWith(PREFIX);
    }

    /** A new hash of {@code secret} under a fresh random salt; computed here, on the caller's thread. */
    public static String hash(String secret, Parameters parameters) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return encode(secret, salt, parameters);
    }

    /** The hash of {@code secret} under {@code salt} (fixed salts are for tests and benchmarks only). */
    public static String encode(String secret, byte[] salt, Parameters parameters) {
        byte[] hash = derive(secret, salt, parameters, HASH_BYTES);
        return PREFIX + "v=19$" + parameters + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code secret} matches the stored {@code encoded} hash, compared in constant time.
     * A stored hash that is not Argon2id v19, or asks for more than {@code ceiling} (a tampered
     * row could otherwise ask for gigabytes), is refused with {@link IllegalStateException}, not computed.
     */
    public static boolean verify(String secret, String encoded, Parameters ceiling) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            throw new IllegalStateException("stored hash is not Argon2id v19 in the PHC format");
        }
        Parameters parameters = parse(parts[3]);
        if (!parameters.within(ceiling)) {
            throw new IllegalStateException("stored Argon2id parameters " + parameters + " exceed " + ceiling);
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = B64_IN.decode(parts[4]);
            expected = B64_IN.decode(parts[5]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored Argon2id hash is not base64", e);
        }
        if (expected.length < 16 || expected.length > 64) {
            throw new IllegalStateException("stored Argon2id hash has an unusual length");
        }
        return MessageDigest.isEqual(expected, derive(secret, salt, parameters, expected.length));
    }

    private static Parameters parse(String text) {
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        try {
            for (String parameter : text.split(",")) {
                if (parameter.length() < 3 || parameter.charAt(1) != '=') {
                    throw new IllegalStateException("unknown Argon2id parameter " + parameter);
                }
                int value = Integer.parseInt(parameter.substring(2));
                switch (parameter.charAt(0)) {
                    case 'm' -> memory = value;
                    case 't' -> iterations = value;
                    case 'p' -> parallelism = value;
                    default -> throw new IllegalStateException("unknown Argon2id parameter " + parameter);
                }
            }
            return new Parameters(memory, iterations, parallelism);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored Argon2id parameters out of range: " + text, e);
        }
    }

    private static byte[] derive(String secret, byte[] salt, Parameters parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
