package id.go.dukcapil.ikd.web;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.base64url.Base64Url;
import org.jose4j.json.JsonUtil;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Explicit typing of the suite's bearer tokens (RFC 8725 §3.11): every kind of token signed with
 * the suite key carries its own {@code typ} header and is meant for one audience, so that one kind
 * is never taken for another (a counter-code payload, which is suite-signed too, or a citizen's
 * token where an operator's is expected). Each service lists the kinds its endpoints accept in
 * {@code ikd.web.jwt.accepted-types}; {@link VerifiedJwtCache} refuses every other token before
 * its signature is even checked, and a token of an accepted kind whose {@code aud} is not that
 * kind's audience. A new kind of token is one line in {@link #AUDIENCES}.
 */
public final class BearerTokenTypes {

    /** An operator's session (verification-service): {@code aud} ikd. */
    public static final String OPERATOR = "ikd-operator+jwt";
    /** A citizen's app session (activation-service): {@code aud} token-service. */
    public static final String CITIZEN = "ikd-citizen+jwt";
    /** A relying party's access token (token-service, client credentials): {@code aud} token-service. */
    public static final String VERIFIER = "ikd-verifier+jwt";

    /** The one audience of each kind. */
    private static final Map<String, String> AUDIENCES = Map.of(
            OPERATOR, "ikd",
            CITIZEN, "token-service",
            VERIFIER, "token-service");

    private final Set<String> accepted;

    private BearerTokenTypes(Set<String> accepted) {
        this.accepted = accepted;
    }

    /** The kinds a service accepts; an unknown kind is a configuration error. */
    public static BearerTokenTypes accepting(Collection<String> types) {
        for (String type : types) {
            if (!AUDIENCES.containsKey(type)) {
                throw new IllegalArgumentException("ikd.web.jwt.accepted-types: unknown token type " + type
                        + "; known: " + new TreeSet<>(AUDIENCES.keySet()));
            }
        }
        return new BearerTokenTypes(Set.copyOf(types));
    }

    /** The audience a token of {@code type} is issued for. */
    public static String audienceOf(String type) {
        String audience = AUDIENCES.get(type);
        if (audience == null) {
            throw new IllegalArgumentException("unknown token type " + type);
        }
        return audience;
    }

    public Set<String> accepted() {
        return accepted;
    }

    /**
     * The token's {@code typ} when it is an accepted kind; read from the header before any
     * signature check, to refuse the wrong kind cheaply (acceptance still needs the signature).
     */
    String acceptedType(String compact) throws ParseException {
        int dot = compact.indexOf('.');
        if (dot <= 0) {
            throw new ParseException("not a compact JWS");
        }
        Object type;
        try {
            type = JsonUtil.parseJson(Base64Url.decodeToUtf8String(compact.substring(0, dot))).get("typ");
        } catch (Exception e) {
            throw new ParseException("unreadable JOSE header");
        }
        if (!(type instanceof String text) || !accepted.contains(text)) {
            throw new ParseException("token type " + (type instanceof String ? type : "(none)")
                    + " is not accepted here");
        }
        return text;
    }

    /** Refuses a verified token whose audience is not the one of its kind. */
    static void checkAudience(String type, JsonWebToken token) throws ParseException {
        Set<String> audience = token.getAudience();
        if (audience == null || !audience.contains(AUDIENCES.get(type))) {
            throw new ParseException("a " + type + " token must be meant for " + AUDIENCES.get(type));
        }
    }
}
