package id.go.dukcapil.ikd.token.service;

import java.io.IOException;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.dukcapil.ikd.token.crypto.CoseSign1;
import id.go.dukcapil.ikd.token.crypto.MalformedTokenException;
import id.go.dukcapil.ikd.token.crypto.QrCwt;
import id.go.dukcapil.ikd.token.domain.Scopes;
import id.go.dukcapil.ikd.token.domain.SigningKey;

/**
 * Reads a presented QR token of either format into what verification checks: the CWT of the QR
 * credential ({@code IKD1:…}), and, while the last ones live, the compact JWS of before (jose4j,
 * ES256 only). Nothing in a token chooses the algorithm or the key: the algorithm is ES256 or the
 * token fails, the kid is looked up among our own keys, and a COSE unprotected header is ignored.
 */
final class QrTokenReader {

    /** JWS headers that would name a key or extensions: a QR token never carries them. */
    private static final Set<String> REFUSED_JWS_HEADERS = Set.of("jku", "x5u", "jwk", "x5c", "crit");
    private static final AlgorithmConstraints ES256_ONLY = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    private static final int MAX_JWS_LENGTH = 4096;
    private static final int MAX_ID_LENGTH = 128;

    private QrTokenReader() {
    }

    /**
     * A token as presented; nothing in it is trusted before {@code signature} accepted our key.
     *
     * @param algRefused  the algorithm is not ES256, or a header names a key: BAD_SIGNATURE
     * @param typeRefused a JWS of ours of another type: MALFORMED
     * @param disclosed   scope → value of the attributes the token shows; null for a token that shows
     *                    none (minimal disclosure: the answer comes from the registry, by scope)
     */
    record Presented(String kid, String jti, String subject, String issuer, Long issuedAt, Long expiresAt,
            Long notBefore, boolean algRefused, boolean typeRefused, Map<String, String> disclosed,
            Predicate<PublicKey> signature) {
    }

    static Presented read(String token) {
        String text = token == null ? null : token.trim();
        if (text != null && text.startsWith(QrCwt.PREFIX)) {
            return cwt(QrCwt.read(text));
        }
        if (text == null || text.isEmpty() || text.length() > MAX_JWS_LENGTH || text.chars().filter(c -> c == '.').count() != 2) {
            throw new MalformedTokenException("neither a QR credential nor a compact JWS");
        }
        return jws(text);
    }

    private static Presented cwt(QrCwt.Read read) {
        CoseSign1.Parts cose = read.cose();
        JsonNode claims = read.claims();
        byte[] kid = cose.kid();
        Integer alg = cose.alg();
        JsonNode cti = claims.get(Integer.toString(QrCwt.CTI));
        String jti = null;
        try {
            jti = cti != null && cti.isBinary() && cti.binaryValue().length >= 12 && cti.binaryValue().length <= 32
                    ? QrTokenFactory.jti(cti.binaryValue()) : null;
        } catch (IOException e) {
            // not binary after all: no jti
        }
        JsonNode identity = claims.get(Integer.toString(QrCwt.IDENTITY_DATA));
        return new Presented(kid == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(kid), jti,
                boundedText(claims.get(Integer.toString(QrCwt.SUB))), boundedText(claims.get(Integer.toString(QrCwt.ISS))),
                number(claims.get(Integer.toString(QrCwt.IAT))), number(claims.get(Integer.toString(QrCwt.EXP))),
                number(claims.get(Integer.toString(QrCwt.NBF))), alg == null || alg != CoseSign1.ES256, false,
                identity == null ? null : claim169(identity), key -> CoseSign1.verifyEs256(cose, key));
    }

    /** The disclosed attributes of a Claim 169 map, as the verification answer writes them. */
    private static Map<String, String> claim169(JsonNode identity) {
        Map<String, String> disclosed = new LinkedHashMap<>();
        for (Scopes.Attribute attribute : Scopes.ATTRIBUTES.values()) {
            JsonNode value = identity.get(Integer.toString(attribute.claim169()));
            if (value == null) {
                continue;
            }
            try {
                if (Scopes.PHOTO.equals(attribute.scope()) && value.isBinary()) {
                    disclosed.put(attribute.scope(), Base64.getUrlEncoder().withoutPadding().encodeToString(value.binaryValue()));
                } else if (Scopes.BIRTH_DATE.equals(attribute.scope()) && value.isTextual()) {
                    disclosed.put(attribute.scope(), LocalDate.parse(value.asText(), QrTokenFactory.CLAIM_169_DATE).toString());
                } else if (value.isTextual()) {
                    disclosed.put(attribute.scope(), value.asText());
                }
            } catch (IOException | RuntimeException e) {
                // a value of the wrong shape is not shown
            }
        }
        return Collections.unmodifiableMap(disclosed);
    }

    private static Presented jws(String compact) {
        JsonWebSignature jws;
        JwtClaims claims;
        try {
            if (!(JsonWebStructure.fromCompactSerialization(compact) instanceof JsonWebSignature signature)) {
                throw new MalformedTokenException("not a JWS");
            }
            jws = signature;
            jws.setAlgorithmConstraints(ES256_ONLY);
            claims = JwtClaims.parse(jws.getUnverifiedPayload());
        } catch (JoseException | InvalidJwtException | IllegalArgumentException e) {
            throw new MalformedTokenException("not a JWS with JSON claims");
        }
        boolean algRefused = !AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256.equals(jws.getAlgorithmHeaderValue())
                || REFUSED_JWS_HEADERS.stream().anyMatch(name -> jws.getHeaders().getObjectHeaderValue(name) != null);
        Map<String, String> disclosed = new LinkedHashMap<>();
        for (Scopes.Attribute attribute : Scopes.ATTRIBUTES.values()) {
            if (claims.getClaimValue(attribute.jwsClaim()) instanceof String value) {
                disclosed.put(attribute.scope(), value);
            }
        }
        return new Presented(jws.getKeyIdHeaderValue(), boundedText(claims.getClaimValue("jti")),
                boundedText(claims.getClaimValue("sub")), boundedText(claims.getClaimValue("iss")),
                number(claims.getClaimValue("iat")), number(claims.getClaimValue("exp")), number(claims.getClaimValue("nbf")),
                algRefused, !SigningKey.QR_TYP.equals(jws.getHeader("typ")), Collections.unmodifiableMap(disclosed), key -> {
                    try {
                        jws.setKey(key);
                        return jws.verifySignature();
                    } catch (JoseException e) {
                        return false;
                    }
                });
    }

    private static String boundedText(Object value) {
        String text = value instanceof JsonNode node ? (node.isTextual() ? node.asText() : null)
                : value instanceof String string ? string : null;
        return text == null || text.isBlank() || text.length() > MAX_ID_LENGTH ? null : text;
    }

    /** A whole number of seconds, or null; a claim present with another type reads as {@link Long#MIN_VALUE}. */
    private static Long number(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node.canConvertToExactIntegral() && node.canConvertToLong() ? node.asLong() : Long.MIN_VALUE;
        }
        return value instanceof Long number ? number : value instanceof Integer number ? number.longValue() : Long.MIN_VALUE;
    }
}
