package id.go.dukcapil.ikd.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser of every service, remembering the tokens it has verified until they
 * expire. Clients present the same token on every request (a relying party's access token, a
 * citizen's app session), and an ES256 verification costs about a millisecond of CPU; a lookup
 * costs nothing. Only tokens that passed every check are remembered, keyed by the whole token,
 * and never past their {@code exp}; a full map stops remembering rather than growing.
 *
 * <p>Only the kinds of token the service accepts ({@code ikd.web.jwt.accepted-types}, see
 * {@link BearerTokenTypes}) get as far as the signature check; with none configured, none do.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedJwtCache extends DefaultJWTParser {

    private record Verified(JsonWebToken token, long expiresAtMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongSupplier currentTimeMillis;
    private final BearerTokenTypes types;

    @Inject
    public VerifiedJwtCache(JWTAuthContextInfo authContextInfo,
            @ConfigProperty(name = "ikd.web.jwt-cache.max-entries", defaultValue = "10000") int maxEntries,
            @ConfigProperty(name = "ikd.web.jwt.accepted-types") Optional<List<String>> acceptedTypes) {
        this(authContextInfo, maxEntries, System::currentTimeMillis,
                BearerTokenTypes.accepting(acceptedTypes.orElse(List.of())));
    }

    /** The same clock as the parser's own expiry check (the system's), replaceable in unit tests. */
    VerifiedJwtCache(JWTAuthContextInfo authContextInfo, int maxEntries, LongSupplier currentTimeMillis,
            BearerTokenTypes types) {
        super(authContextInfo);
        this.maxEntries = maxEntries;
        this.currentTimeMillis = currentTimeMillis;
        this.types = types;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = currentTimeMillis.getAsLong();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.expiresAtMillis()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        String type = types.acceptedType(token);
        JsonWebToken parsed = super.parse(token);
        BearerTokenTypes.checkAudience(type, parsed);
        remember(token, parsed, now);
        return parsed;
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, JsonWebToken parsed, long now) {
        long expiresAtMillis = parsed.getExpirationTime() * 1000;
        if (maxEntries <= 0 || expiresAtMillis <= now) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(entry -> entry.expiresAtMillis() <= now);
            if (verified.size() >= maxEntries) {
                return;
            }
        }
        verified.put(token, new Verified(parsed, expiresAtMillis));
    }
}
