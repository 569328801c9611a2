package id.go.dukcapil.ikd.web;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;

/**
 * What {@link CaseGrants} and {@link RegistryPhotoGrants} share: a suite-signed JWT of one audience,
 * at most 4 KB, verified with the suite's key, issuer and clock skew in the {@code case-grant}
 * bulkhead (about a millisecond of signature check each), then held to the caller's own claims.
 */
final class SuiteGrantVerifier {

    private static final int MAX_LENGTH = 4096;

    private final JWTParser parser;
    private final Bulkheads bulkheads;

    SuiteGrantVerifier(JWTAuthContextInfo suite, String audience, Bulkheads bulkheads) {
        // only the audience differs from a bearer token's
        JWTAuthContextInfo grants = new JWTAuthContextInfo(suite);
        grants.setExpectedAudience(Set.of(audience));
        this.parser = new DefaultJWTParser(grants);
        this.bulkheads = bulkheads;
    }

    /**
     * {@code accept}'s answer for the verified grant, in the bulkhead; {@code refused} when the grant
     * is missing, too long, or not valid ({@code accept} throws it too when the claims do not fit).
     */
    <T> Uni<T> verify(String grant, Function<JsonWebToken, T> accept, Supplier<ProblemException> refused) {
        if (grant == null || grant.isBlank() || grant.length() > MAX_LENGTH) {
            return Uni.createFrom().failure(refused.get());
        }
        return bulkheads.named("case-grant").run(() -> {
            JsonWebToken token;
            try {
                token = parser.parse(grant.strip());
            } catch (ParseException e) {
                throw refused.get();
            }
            return accept.apply(token);
        });
    }
}
