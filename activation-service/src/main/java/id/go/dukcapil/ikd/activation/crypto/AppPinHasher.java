package id.go.dukcapil.ikd.activation.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Argon2id (OWASP minimum: 19 MiB, 2 passes, 1 lane) for app PINs, stored in the PHC string
 * format. It costs about 60 ms of CPU, so it always runs on a worker thread and the result comes
 * back on the caller's Vert.x context (where Hibernate Reactive must continue).
 */
@ApplicationScoped
public class AppPinHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();

    public Uni<String> hash(String pin) {
        return offLoop(() -> {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            byte[] hash = argon2(pin, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
            return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                    + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        });
    }

    public Uni<Boolean> verify(String pin, String encoded) {
        return offLoop(() -> {
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
            byte[] expected = B64_DECODER.decode(parts[5]);
            byte[] actual = argon2(pin, B64_DECODER.decode(parts[4]), memory, iterations, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        });
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

    private static <T> Uni<T> offLoop(java.util.function.Supplier<T> work) {
        Context caller = Vertx.currentContext();
        Uni<T> computed = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return caller == null ? computed
                : computed.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }
}
