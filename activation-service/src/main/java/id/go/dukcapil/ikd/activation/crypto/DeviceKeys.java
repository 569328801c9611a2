package id.go.dukcapil.ikd.activation.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The app's device key (a P-256 public JWK from the registration): its RFC 7638 thumbprint, and
 * proof of possession — an ES256 compact JWS whose payload is the server's nonce, checked with
 * the JDK's ECDSA against the stored key. Only {@code ES256} is accepted (no {@code none}, no HMAC).
 */
@ApplicationScoped
public class DeviceKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ECPublicKey parse(String jwk) {
        try {
            JsonWebKey key = JsonWebKey.Factory.newJwk(jwk);
            if (!(key instanceof EllipticCurveJsonWebKey ec) || !EllipticCurves.P_256.equals(ec.getCurveName())) {
                throw new IllegalArgumentException("the device key is not an EC P-256 JWK");
            }
            return ec.getECPublicKey();
        } catch (JoseException e) {
            throw new IllegalArgumentException("the device key is not a valid JWK", e);
        }
    }

    public static String thumbprint(String jwk) {
        try {
            return JsonWebKey.Factory.newJwk(parse(jwk)).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalArgumentException("the device key is not a valid JWK", e);
        }
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
            JsonNode header = JSON.readTree(b64.decode(parts[0]));
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
