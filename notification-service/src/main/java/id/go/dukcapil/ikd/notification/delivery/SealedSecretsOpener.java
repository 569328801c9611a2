package id.go.dukcapil.ikd.notification.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import io.quarkus.runtime.Startup;

/**
 * Opens the PIN and activation link that activation-service sealed to this service (compact JWE,
 * ECDH-ES+A256KW / A256GCM). Only these algorithms are accepted, so a forged "alg":"none" or a
 * weaker scheme is refused. The key is loaded at start-up: a missing key fails the deployment,
 * not the first citizen's message.
 */
@Singleton
@Startup
public class SealedSecretsOpener {

    private static final Pattern PIN = Pattern.compile("^[0-9]{6}$");

    private final PrivateKey privateKey;
    private final ObjectMapper json;

    public SealedSecretsOpener(NotificationConfig config, ObjectMapper json) {
        this.privateKey = loadPkcs8(config.sealing().privateKeyLocation());
        this.json = json;
    }

    /** @throws UnreadableSecretsException when the JWE is not for us or its content is not a PIN and link */
    public ActivationSecrets open(String compactJwe) {
        JsonNode secrets = decrypt(compactJwe);
        String pin = secrets.path("pin").asText("");
        if (!PIN.matcher(pin).matches()) {
            throw new UnreadableSecretsException("the sealed PIN is not 6 digits");
        }
        return new ActivationSecrets(pin, httpUrl(secrets.path("activationUrl").asText("")));
    }

    /** The link of DeactivationLinkIssued; never logged. */
    public String openDeactivationLink(String compactJwe) {
        return httpUrl(decrypt(compactJwe).path("deactivationUrl").asText(""));
    }

    private JsonNode decrypt(String compactJwe) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                    KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW));
            jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                    ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            jwe.setCompactSerialization(compactJwe);
            jwe.setKey(privateKey);
            return json.readTree(jwe.getPayload());
        } catch (JoseException | IOException | IllegalArgumentException e) {
            // the message names only the failure class: nothing of the secrets
            throw new UnreadableSecretsException("sealed secrets cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    private static String httpUrl(String url) {
        try {
            URI link = URI.create(url);
            if (!("https".equals(link.getScheme()) || "http".equals(link.getScheme())) || link.getHost() == null) {
                throw new UnreadableSecretsException("the sealed link is not an http(s) URL");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretsException("sealed secrets cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    private static PrivateKey loadPkcs8(String location) {
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            String pem = Files.readString(path);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sealing private key at " + path, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the sealing private key at " + path + " is not a PEM PKCS#8 EC key", e);
        }
    }

    public static class UnreadableSecretsException extends RuntimeException {
        public UnreadableSecretsException(String message) {
            super(message, null, false, false);
        }
    }
}
