package id.go.dukcapil.ikd.activation.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.crypto.Jwks;

/**
 * Seals the activation PIN and link for notification-service (suite contract): a compact JWE,
 * {@code ECDH-ES+A256KW} / {@code A256GCM}, to the notifier's P-256 public key, plaintext
 * {@code {"pin":"…","activationUrl":"…"}}. The {@code kid} is the key's RFC 7638 thumbprint, so
 * the notifier can tell which of its keys to use during a rotation.
 */
@ApplicationScoped
public class SecretSealer {

    private final ECPublicKey notifierKey;
    private final String keyId;
    private final ObjectMapper json;

    /** {@code json}: the service's configured mapper (the plaintext is a map of plain strings, the same in any mapper). */
    public SecretSealer(ActivationConfig config, ObjectMapper json) {
        this.json = json;
        this.notifierKey = readPublicKey(config.sealing().notifierPublicKeyLocation());
        try {
            this.keyId = Jwks.thumbprint(notifierKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the notifier's public key is not a usable EC key", e);
        }
    }

    public String seal(String pin, String activationUrl) {
        return sealJson(Map.of("pin", pin, "activationUrl", activationUrl));
    }

    /** The link of a deactivation request (a lost phone): {@code {"deactivationUrl":"…"}}. */
    public String sealDeactivationLink(String deactivationUrl) {
        return sealJson(Map.of("deactivationUrl", deactivationUrl));
    }

    private String sealJson(Map<String, String> content) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setKeyIdHeaderValue(keyId);
            jwe.setContentTypeHeaderValue("application/json");
            jwe.setKey(notifierKey);
            jwe.setPayload(json.writeValueAsString(content));
            return jwe.getCompactSerialization();
        } catch (JoseException | JsonProcessingException e) {
            throw new IllegalStateException("sealing the activation secrets failed", e);
        }
    }

    static ECPublicKey readPublicKey(String location) {
        try {
            String pem = Files.readString(path(location));
            String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalStateException("the notifier's key at " + location + " is not EC P-256");
            }
            return ec;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the notifier's public key at " + location, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the notifier's public key at " + location + " is not a PEM EC key", e);
        }
    }

    private static Path path(String location) {
        return location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
    }
}
