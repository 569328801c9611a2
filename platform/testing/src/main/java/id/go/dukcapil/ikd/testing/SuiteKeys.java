package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The suite's JWT signing key pair (ES256) as PEM files: generated on first start locally and in
 * tests; in production it comes from a Kubernetes secret instead. The private key and its folder
 * are the owner's only ({@link SecretFiles}: 0600, 0700).
 */
public record SuiteKeys(Path privateKeyPem, Path publicKeyPem) {

    /** Reuses the key pair in {@code dir} or generates one there. */
    public static SuiteKeys inDirectory(Path dir) {
        Path privatePem = dir.resolve("jwt-private.pem");
        Path publicPem = dir.resolve("jwt-public.pem");
        try {
            SecretFiles.ownerOnlyFolder(dir);
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                // a key written by an older version with the default mode (0644) is narrowed too
                SecretFiles.narrow(privatePem);
                return new SuiteKeys(privatePem, publicPem);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            SecretFiles.write(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new SuiteKeys(privatePem, publicPem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
