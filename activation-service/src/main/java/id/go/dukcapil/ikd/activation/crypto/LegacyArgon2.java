package id.go.dukcapil.ikd.activation.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The app-PIN hashes stored before the keyed hash: Argon2id in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). Only verified, once per identity, at its
 * next right PIN, in the {@code argon2} bulkhead; the caller then stores the keyed hash instead.
 */
public final class LegacyArgon2 {

    static final String PREFIX = "$argon2id$";
    /** The most memory a stored hash may ask for; larger parameters are refused, not computed. */
    private static final int MAX_MEMORY_KIB = 64 * 1024;
    private static final int MAX_ITERATIONS = 10;
    private static final Base64.Decoder B64 = Base64.getDecoder();
    private static final Base64.Encoder B64_OUT = Base64.getEncoder().withoutPadding();

    private LegacyArgon2() {
    }

    public static boolean isLegacy(String encoded) {
        return encoded != null && encoded.startsWith(PREFIX);
    }

    /** Constant-time comparison of the PIN's Argon2id with the stored one. */
    public static boolean verify(String pin, String encoded) {
        String[] parts = encoded.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            throw new IllegalStateException("stored app PIN hash is not Argon2id");
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String parameter : parts[3].split(",")) {
            int value = Integer.parseInt(parameter.substring(2));
            switch (parameter.charAt(0)) {
                case 'm' -> memory = value;
                case 't' -> iterations = value;
                case 'p' -> parallelism = value;
                default -> throw new IllegalStateException("unknown Argon2 parameter " + parameter);
            }
        }
        if (memory < 8 || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS || parallelism != 1) {
            throw new IllegalStateException("stored Argon2id parameters out of range: " + parts[3]);
        }
        byte[] expected = B64.decode(parts[5]);
        byte[] actual = argon2(pin, B64.decode(parts[4]), memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** An Argon2id hash as the service stored them before (19 MiB, 2 passes, 1 lane): for tests and the benchmark. */
    public static String encode(String pin, byte[] salt) {
        byte[] hash = argon2(pin, salt, 19 * 1024, 2, 1, 32);
        return "$argon2id$v=19$m=19456,t=2,p=1$" + B64_OUT.encodeToString(salt) + "$" + B64_OUT.encodeToString(hash);
    }

    private static byte[] argon2(String pin, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[length];
        generator.generateBytes(pin.getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }
}
