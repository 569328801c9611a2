package id.go.dukcapil.ikd.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import id.go.dukcapil.ikd.web.BearerTokenTypes;

/**
 * Tokens signed with the suite's real key (the running test's {@code smallrye.jwt.sign.key.location})
 * that are nevertheless not bearer tokens of the service under test: each service's tests present
 * them to its protected endpoints and expect 401. Every one carries the {@code groups} the endpoint
 * asks for, so that only the token's kind or audience can be what refuses it.
 */
public final class ForeignTokens {

    private ForeignTokens() {
    }

    /**
     * By description: registration-service's counter-code payload, an untyped JWT and one typed with
     * the generic "JWT" (both with audience {@code audience}), and each known bearer kind other than
     * {@code acceptedTypes}, plus each accepted kind made out to the wrong audience.
     */
    public static Map<String, String> forService(List<String> acceptedTypes, String audience, String... groups) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("counter-code payload", sign("ikd-counter+jwt", null, List.of(), Map.of("sc", "ABCD-EFGH")));
        tokens.put("untyped JWT", sign(null, audience, List.of(groups), Map.of()));
        tokens.put("typ JWT", sign("JWT", audience, List.of(groups), Map.of()));
        for (String type : List.of(BearerTokenTypes.OPERATOR, BearerTokenTypes.CITIZEN, BearerTokenTypes.VERIFIER)) {
            if (!acceptedTypes.contains(type)) {
                tokens.put(type, sign(type, BearerTokenTypes.audienceOf(type), List.of(groups), Map.of()));
            } else {
                String otherAudience = "ikd".equals(BearerTokenTypes.audienceOf(type)) ? "token-service" : "ikd";
                tokens.put(type + " for " + otherAudience, sign(type, otherAudience, List.of(groups), Map.of()));
            }
        }
        return tokens;
    }

    /** A suite-signed JWS (ES256) with {@code typ} and {@code aud} (none when null), 10 minutes. */
    public static String sign(String type, String audience, List<String> groups, Map<String, Object> extra) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class));
            claims.setSubject(UUID.randomUUID().toString());
            claims.setJwtId(UUID.randomUUID().toString());
            if (audience != null) {
                claims.setAudience(audience);
            }
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(10);
            if (!groups.isEmpty()) {
                claims.setStringListClaim("groups", groups);
            }
            claims.setClaim("upn", "foreign.token");
            claims.setClaim("office", "3171-DEMO");
            extra.forEach(claims::setClaim);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            if (type != null) {
                jws.setHeader("typ", type);
            }
            jws.setPayload(claims.toJson());
            jws.setKey(suitePrivateKey());
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static PrivateKey suitePrivateKey() throws Exception {
        String location = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class);
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(path)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
