package id.go.dukcapil.ikd.registration.service;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.web.ProblemException;

/**
 * Accepts only a public EC P-256 JWK whose point lies on the curve: activation later binds the
 * identity to this key, so a private key, another curve or a point off the curve is refused.
 */
@ApplicationScoped
public class DeviceKeyValidator {

    private static final int MAX_JWK_LENGTH = 2048;
    // NIST P-256 (secp256r1): y² = x³ - 3x + b (mod p)
    private static final BigInteger P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    private static final BigInteger THREE = BigInteger.valueOf(3);
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k");

    private final ObjectMapper json = new ObjectMapper();

    public DeviceKey validate(String jwk) {
        if (jwk == null || jwk.isBlank() || jwk.length() > MAX_JWK_LENGTH) {
            throw invalid("Kunci perangkat wajib dikirim sebagai JWK.", "The device key must be sent as a JWK.");
        }
        JsonNode node;
        try {
            node = json.readTree(jwk);
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
        String x = text(node, "x");
        String y = text(node, "y");
        BigInteger xValue = coordinate(x);
        BigInteger yValue = coordinate(y);
        if (!onCurve(xValue, yValue)) {
            throw invalid("Kunci perangkat bukan titik pada kurva P-256.", "The device key is not a point on P-256.");
        }
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        return new DeviceKey(canonical, thumbprint(canonical));
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static BigInteger coordinate(String base64url) {
        if (base64url == null || !base64url.matches("[A-Za-z0-9_-]{43}")) {
            throw invalid("Koordinat kunci perangkat harus 32 byte base64url.",
                    "The device key's coordinates must be 32 bytes of base64url.");
        }
        BigInteger value = new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
        if (value.compareTo(P) >= 0) {
            throw invalid("Koordinat kunci perangkat di luar kurva.", "The device key's coordinate is out of range.");
        }
        return value;
    }

    private static boolean onCurve(BigInteger x, BigInteger y) {
        BigInteger left = y.modPow(BigInteger.TWO, P);
        BigInteger right = x.modPow(THREE, P).subtract(x.multiply(THREE)).add(B).mod(P);
        return left.equals(right);
    }

    private static String thumbprint(String canonicalJwk) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJwk.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ProblemException invalid(String detailId, String detailEn) {
        return new ProblemException(RegistrationProblems.DEVICE_KEY_INVALID, detailId, detailEn)
                .with("field", "deviceKey");
    }
}
