package id.go.dukcapil.ikd.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.NewCookie;

/**
 * Double-submit CSRF tokens of the services' server-rendered forms: a random token in an HttpOnly,
 * SameSite=Strict cookie and the same token in a hidden form field. Another site can neither read
 * the page (so it cannot copy the field) nor send the cookie, so a form it forges fails the match.
 * Defence in depth beside the SameSite=Strict session cookie and CSP {@code form-action}: the token
 * still holds where a browser does not enforce those.
 *
 * <p>One instance per page family (its own cookie name and path); immutable and thread-safe.
 */
public final class CsrfTokens {

    /** The name of the hidden form field that carries the token back. */
    public static final String FIELD = "csrf";
    private static final int TOKEN_BYTES = 32;
    /** 32 bytes in base64url without padding: what {@link #issue()} makes, nothing else. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a form was refused, for the log: never the token itself. */
    public enum Verdict {
        MATCH, NO_COOKIE, NO_FIELD, MISMATCH
    }

    private final String cookieName;
    private final String path;
    private final boolean secure;

    /**
     * @param cookieName the cookie that holds the token
     * @param path       the pages and form targets the cookie is sent to (e.g. {@code /portal})
     * @param secure     whether the cookie is {@code Secure}: on wherever the pages are served over HTTPS
     */
    public CsrfTokens(String cookieName, String path, boolean secure) {
        this.cookieName = cookieName;
        this.path = path;
        this.secure = secure;
    }

    /** Tokens of pages served under {@code publicUrl}: the cookie is {@code Secure} when that URL is https. */
    public static CsrfTokens servedFrom(String publicUrl, String cookieName, String path) {
        return new CsrfTokens(cookieName, path, publicUrl.toLowerCase(Locale.ROOT).startsWith("https:"));
    }

    public String cookieName() {
        return cookieName;
    }

    /** A new token: 256 random bits, base64url. */
    public String issue() {
        byte[] value = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /**
     * The token a page renders into its forms: the browser's own while it is well formed (so that
     * pages open in other tabs stay valid), a new one otherwise.
     */
    public String currentOrNew(String cookieValue) {
        return wellFormed(cookieValue) ? cookieValue : issue();
    }

    /** The cookie that hands {@code token} to the browser; a session cookie, gone when the browser closes. */
    public NewCookie cookie(String token) {
        return new NewCookie.Builder(cookieName).value(token).path(path).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Whether the form field carries the cookie's token; compared in constant time. */
    public boolean matches(String cookieValue, String fieldValue) {
        return verdict(cookieValue, fieldValue) == Verdict.MATCH;
    }

    /** {@link #matches} with the reason of a refusal. */
    public Verdict verdict(String cookieValue, String fieldValue) {
        if (!wellFormed(cookieValue)) {
            return Verdict.NO_COOKIE;
        }
        if (fieldValue == null || fieldValue.isEmpty()) {
            return Verdict.NO_FIELD;
        }
        // the cookie is ASCII (well formed); a non-ASCII field becomes '?' bytes and simply differs
        return MessageDigest.isEqual(cookieValue.getBytes(StandardCharsets.US_ASCII),
                fieldValue.getBytes(StandardCharsets.US_ASCII)) ? Verdict.MATCH : Verdict.MISMATCH;
    }

    /** Whether {@code value} has the shape of an issued token (a forged or truncated cookie does not). */
    public static boolean wellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }
}
