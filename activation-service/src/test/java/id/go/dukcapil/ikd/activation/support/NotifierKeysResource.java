package id.go.dukcapil.ikd.activation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays notification-service's part in the sealing contract: generates its EC P-256 key pair,
 * gives activation-service the public key, and lets tests open the JWE with the private one.
 */
public class NotifierKeysResource implements QuarkusTestResourceLifecycleManager {

    private static final String PRIVATE_KEY_PROPERTY = "ikd.test.notifier-private-key";

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("ikd-notifier-keys-");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Path publicPem = dir.resolve("notifier-public.pem");
            Path privatePem = dir.resolve("notifier-private.pem");
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            System.setProperty(PRIVATE_KEY_PROPERTY, privatePem.toString());
            return Map.of("ikd.activation.sealing.notifier-public-key-location", publicPem.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // the key files live in a temp directory for the JVM's lifetime
    }

    /** The notifier's private key, as notification-service would load it (PEM PKCS#8). */
    public static PrivateKey notifierPrivateKey() {
        try {
            String pem = Files.readString(Path.of(System.getProperty(PRIVATE_KEY_PROPERTY)));
            String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
