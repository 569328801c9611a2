package id.go.dukcapil.ikd.registration.service.validation;

import java.security.interfaces.ECPublicKey;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import id.go.dukcapil.ikd.crypto.Jwks;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/**
 * Accepts only a public EC P-256 JWK whose point lies on the curve: activation later binds the
 * identity to this key, so a private key, another curve or a point off the curve is refused. The
 * key is stored in its RFC 7638 form ({@code crv}, {@code kty}, {@code x}, {@code y}); the curve
 * check and the thumbprint are the platform's {@link Jwks}, which activation-service uses too, so
 * both compute the same thumbprint.
 */
@ApplicationScoped
public class DeviceKeyValidator {

    private static final int MAX_JWK_LENGTH = 2048;
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k");

    /**
     * The platform's mapper, reading as Jackson's defaults always did here: anything after the JWK
     * is ignored (the event mapper refuses it), and nesting is limited only by the 2,048 characters
     * (the request mapper's limit of 64 levels would refuse a key with a deeply nested extra member).
     */
    private static final ObjectReader JSON = EventJson.newObjectMapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public DeviceKey validate(String jwk) {
        if (jwk == null || jwk.isBlank() || jwk.length() > MAX_JWK_LENGTH) {
            throw invalid("Kunci perangkat wajib dikirim sebagai JWK.", "The device key must be sent as a JWK.");
        }
        JsonNode node;
        try {
            node = JSON.readTree(jwk);
        } catch (JsonProcessingException e) {
            throw invalid("Kunci perangkat bukan JSON yang valid.", "The device key is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw invalid("Kunci perangkat harus objek JWK.", "The device key must be a JWK object.");
        }
        for (String member : PRIVATE_MEMBERS) {
            if (node.has(member)) {
                throw invalid("Kirim kunci publik saja, jangan kunci privat.", "Send the public key only, never the private key.");
            }
        }
        if (!"EC".equals(text(node, "kty")) || !"P-256".equals(text(node, "crv"))) {
            throw invalid("Kunci perangkat harus EC P-256.", "The device key must be EC P-256.");
        }
        String x = coordinate(text(node, "x"));
        String y = coordinate(text(node, "y"));
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        ECPublicKey key;
        try {
            key = Jwks.p256PublicKey(canonical);
        } catch (IllegalArgumentException e) {
            throw invalid("Kunci perangkat bukan titik pada kurva P-256.", "The device key is not a point on P-256.");
        }
        return new DeviceKey(canonical, Jwks.thumbprint(key));
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String coordinate(String base64url) {
        if (base64url == null || !base64url.matches("[A-Za-z0-9_-]{43}")) {
            throw invalid("Koordinat kunci perangkat harus 32 byte base64url.",
                    "The device key's coordinates must be 32 bytes of base64url.");
        }
        return base64url;
    }

    private static ProblemException invalid(String detailId, String detailEn) {
        return new ProblemException(RegistrationProblems.DEVICE_KEY_INVALID, detailId, detailEn)
                .with("field", "deviceKey");
    }
}
