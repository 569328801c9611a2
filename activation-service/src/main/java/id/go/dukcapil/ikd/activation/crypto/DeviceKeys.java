package id.go.dukcapil.ikd.activation.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.crypto.Jwks;

/**
 * The app's device key (a P-256 public JWK from the registration): its RFC 7638 thumbprint (the
 * platform's {@link Jwks}, the same code registration-service uses), and proof of possession — an ES256 compact JWS whose payload is the server's nonce, checked with
 * the JDK's ECDSA against the stored key. Only {@code ES256} is accepted (no {@code none}, no HMAC).
 */
@ApplicationScoped
public class DeviceKeys {

    private final ObjectMapper json;

    /** {@code json}: the service's configured mapper; it only reads the JWS header here. */
    public DeviceKeys(ObjectMapper json) {
        this.json = json;
    }

    /** The device key's public key; {@link IllegalArgumentException} unless it is a public P-256 point on the curve. */
    public static ECPublicKey parse(String jwk) {
        return Jwks.p256PublicKey(jwk);
    }

    /** Its RFC 7638 thumbprint, as registration-service computed it: both use {@link Jwks}. */
    public static String thumbprint(String jwk) {
        return Jwks.thumbprint(parse(jwk));
    }

    /** True when {@code compactJws} is an ES256 JWS over exactly {@code expectedPayload}, by {@code jwk}. */
    public boolean signedBy(String compactJws, String expectedPayload, String jwk) {
        if (compactJws == null) {
            return false;
        }
        String[] parts = compactJws.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = json.readTree(b64.decode(parts[0]));
            if (!"ES256".equals(header.path("alg").asText()) || header.has("crit")) {
                return false;
            }
            String payload = new String(b64.decode(parts[1]), StandardCharsets.UTF_8);
            if (!payload.equals(expectedPayload)) {
                return false;
            }
            byte[] signature = b64.decode(parts[2]);
            if (signature.length != 64) {
                return false;
            }
            PublicKey key = parse(jwk);
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (java.io.IOException | IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
