package id.go.dukcapil.ikd.local.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import id.go.dukcapil.ikd.testing.SecretFiles;
import id.go.dukcapil.ikd.testing.SuiteKeys;

/**
 * The keys and secrets of one local suite, generated on the first {@code ./ikd up} into
 * {@code .ikd/keys} and reused afterwards (so tokens, sealed selfies and hashed codes stay valid
 * across restarts; {@code --fresh} starts over): the suite's ES256 JWT pair, the notifier's
 * EC P-256 sealing pair, and random 256-bit secrets in {@code secrets.env}. Private keys and
 * secrets are the owner's only (0600), and so is the folder (0700): {@link SecretFiles}.
 */
public record LocalKeys(SuiteKeys jwt, Path sealingPublicKey, Path sealingPrivateKey, Map<String, String> secrets) {

    static final String SECRETS_FILE = "secrets.env";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static LocalKeys inDirectory(Path dir, Collection<String> secretNames) {
        try {
            SecretFiles.ownerOnlyFolder(dir);
            SuiteKeys jwt = SuiteKeys.inDirectory(dir);
            Path sealingPublic = dir.resolve("notifier-sealing-public.pem");
            Path sealingPrivate = dir.resolve("notifier-sealing-private.pem");
            if (!Files.exists(sealingPublic) || !Files.exists(sealingPrivate)) {
                writeSealingPair(sealingPublic, sealingPrivate);
            }
            Path secretsFile = dir.resolve(SECRETS_FILE);
            // files written by an older version with the default mode are narrowed too
            SecretFiles.narrow(sealingPrivate);
            SecretFiles.narrow(secretsFile);
            return new LocalKeys(jwt, sealingPublic, sealingPrivate, secrets(secretsFile, secretNames));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the local keys in " + dir, e);
        }
    }

    public String secret(String name) {
        String value = secrets.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no local secret " + name);
        }
        return value;
    }

    private static void writeSealingPair(Path publicPem, Path privatePem) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            SecretFiles.write(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JDK", e);
        }
    }

    /** {@code NAME=base64} lines; a name not yet there gets 32 fresh random bytes. */
    private static Map<String, String> secrets(Path file, Collection<String> names) throws IOException {
        Map<String, String> secrets = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                    secrets.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
        }
        boolean added = false;
        for (String name : names) {
            if (!secrets.containsKey(name)) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                secrets.put(name, Base64.getEncoder().encodeToString(key));
                added = true;
            }
        }
        if (added) {
            StringBuilder content = new StringBuilder(
                    "# Local secrets of ./ikd up (random, 256 bits, base64). Never used outside this machine.\n");
            secrets.forEach((name, value) -> content.append(name).append('=').append(value).append('\n'));
            SecretFiles.write(file, content.toString());
        }
        return Map.copyOf(secrets);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
