package id.go.dukcapil.ikd.token.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compact JWS with ES256 only, written out so that nothing in a token can choose the algorithm
 * or the key: the header is data to check, never instructions to follow.
 */
public final class CompactJws {

    /** Upper bound of anything we parse; a QR token is about 500 characters. */
    public static final int MAX_LENGTH = 4096;
    public static final String ES256 = "ES256";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** P1363 form (r||s, 64 bytes) is what JWS puts on the wire, no DER conversion needed. */
    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final ThreadLocal<Signature> SIGNERS = ThreadLocal.withInitial(CompactJws::newSignature);
    private static final ThreadLocal<Signature> VERIFIERS = ThreadLocal.withInitial(CompactJws::newSignature);

    private CompactJws() {
    }

    /** A JWS split into its parts; the signature is not checked yet. */
    public record Parts(ObjectNode header, ObjectNode claims, String signingInput, byte[] signature) {

        public String headerText(String name) {
            JsonNode value = header.get(name);
            return value != null && value.isTextual() ? value.asText() : null;
        }
    }

    /** Splits and decodes a compact JWS; {@link MalformedJwsException} if it is not one. */
    public static Parts parse(String compact) {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_LENGTH) {
            throw new MalformedJwsException("empty or oversized token");
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw new MalformedJwsException("not three dot-separated parts");
        }
        try {
            ObjectNode header = object(B64_DECODER.decode(compact.substring(0, first)));
            ObjectNode claims = object(B64_DECODER.decode(compact.substring(first + 1, second)));
            byte[] signature = B64_DECODER.decode(compact.substring(second + 1));
            return new Parts(header, claims, compact.substring(0, second), signature);
        } catch (IllegalArgumentException e) {
            throw new MalformedJwsException("not base64url");
        }
    }

    public static boolean verifyEs256(Parts parts, PublicKey key) {
        if (parts.signature().length != 64) {
            return false;
        }
        try {
            Signature verifier = VERIFIERS.get();
            verifier.initVerify(key);
            verifier.update(parts.signingInput().getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(parts.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** {@code headerB64} is the already encoded header; returns the compact JWS. */
    public static String signEs256(String headerB64, byte[] claimsJson, PrivateKey key) {
        String signingInput = headerB64 + "." + B64.encodeToString(claimsJson);
        try {
            Signature signer = SIGNERS.get();
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    public static String base64Url(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    public static String base64Url(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode object(byte[] json) {
        try {
            JsonNode node = STRICT_JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // fall through: not a JSON object
        } catch (java.io.IOException e) {
            // a byte array cannot fail to be read; only its content can be wrong
        }
        throw new MalformedJwsException("a part is not a JSON object");
    }

    private static Signature newSignature() {
        try {
            return Signature.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }
}
