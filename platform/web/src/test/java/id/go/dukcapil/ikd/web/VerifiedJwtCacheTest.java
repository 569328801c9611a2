package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

class VerifiedJwtCacheTest {

    private static final String ISSUER = "https://ikd.test";
    private final KeyPair keys = ecKeyPair();
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());

    @Test
    void aVerifiedTokenIsAnsweredFromMemoryUntilItExpires() throws Exception {
        var cache = cache(100);
        long exp = Instant.now().plusSeconds(300).getEpochSecond();
        String token = token("citizen-1", exp);

        JsonWebToken first = cache.parse(token);
        assertThat(first.getSubject()).isEqualTo("citizen-1");
        assertThat(cache.parse(token)).isSameAs(first);

        now.set(exp * 1000); // the cache's clock reaches exp: the token is verified again
        assertThat(cache.parse(token)).isNotSameAs(first).extracting(JsonWebToken::getSubject).isEqualTo("citizen-1");
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() throws Exception {
        var cache = cache(100);
        String token = token("citizen-1", Instant.now().plusSeconds(300).getEpochSecond());
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + token("citizen-2", Instant.now().plusSeconds(300).getEpochSecond()).substring(token.lastIndexOf('.') + 1);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);
        }
        assertThat(cache.size()).isZero();
        String otherIssuer = Jwt.issuer("https://elsewhere").subject("x").expiresIn(300).jws()
                .algorithm(SignatureAlgorithm.ES256).sign(keys.getPrivate());
        assertThatThrownBy(() -> cache.parse(otherIssuer)).isInstanceOf(ParseException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void onlyAcceptedKindsOfTokenForTheirOwnAudiencePass() throws Exception {
        var cache = cache(100);
        long exp = Instant.now().plusSeconds(300).getEpochSecond();
        assertThat(cache.parse(token("op-1", exp, BearerTokenTypes.OPERATOR, "ikd")).getSubject()).isEqualTo("op-1");

        // well signed by the suite key, but not a kind this service takes: a counter code, a verifier token,
        // an untyped JWT, or a kind it takes issued for another audience
        for (String refused : List.of(token("reg-1", exp, "ikd-counter+jwt", null),
                token("bank", exp, BearerTokenTypes.VERIFIER, "token-service"),
                token("x", exp, "JWT", "token-service"), token("x", exp, null, "token-service"),
                token("op-2", exp, BearerTokenTypes.OPERATOR, "token-service"),
                token("citizen-2", exp, BearerTokenTypes.CITIZEN, "ikd"), "no-dots", "%%%.e30.x")) {
            assertThatThrownBy(() -> cache.parse(refused)).isInstanceOf(ParseException.class);
        }
        assertThat(cache.size()).isEqualTo(1);
        assertThatThrownBy(() -> BearerTokenTypes.accepting(List.of("ikd-counter+jwt")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullCacheStopsRememberingButStillVerifies() throws Exception {
        var cache = cache(2);
        long exp = Instant.now().plusSeconds(300).getEpochSecond();
        for (int i = 0; i < 3; i++) {
            assertThat(cache.parse(token("citizen-" + i, exp)).getSubject()).isEqualTo("citizen-" + i);
        }
        assertThat(cache.size()).isEqualTo(2);
        String third = token("citizen-9", exp);
        assertThat(cache.parse(third)).isNotSameAs(cache.parse(third));

        now.set(exp * 1000 + 1); // expired entries make room again
        String fresh = token("citizen-10", Instant.now().plusSeconds(600).getEpochSecond());
        assertThat(cache.parse(fresh)).isSameAs(cache.parse(fresh));
    }

    private VerifiedJwtCache cache(int maxEntries) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        return new VerifiedJwtCache(info, maxEntries, now::get,
                BearerTokenTypes.accepting(List.of(BearerTokenTypes.CITIZEN, BearerTokenTypes.OPERATOR)));
    }

    private String token(String subject, long expiresAt) {
        return token(subject, expiresAt, BearerTokenTypes.CITIZEN, "token-service");
    }

    private String token(String subject, long expiresAt, String type, String audience) {
        var claims = Jwt.issuer(ISSUER).subject(subject).expiresAt(expiresAt);
        if (audience != null) {
            claims.audience(audience);
        }
        var jws = claims.jws().algorithm(SignatureAlgorithm.ES256);
        if (type != null) {
            jws.header("typ", type);
        }
        return jws.sign(keys.getPrivate());
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
