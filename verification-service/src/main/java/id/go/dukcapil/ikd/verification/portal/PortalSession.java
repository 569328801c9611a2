package id.go.dukcapil.ikd.verification.portal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import org.jose4j.jwt.JwtClaims;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.service.OperatorPrincipal;
import id.go.dukcapil.ikd.verification.service.SuiteKeyring;
import id.go.dukcapil.ikd.web.CsrfTokens;

/**
 * The portal's cookies. The operator's token lives in an HttpOnly, SameSite=Strict cookie (no
 * script can read it, no other site can send it) and is verified on every page like the API
 * verifies the bearer header. Beside it, the double-submit CSRF token of the portal's forms
 * ({@link CsrfTokens}), with the same path and the same Secure setting.
 */
@ApplicationScoped
public class PortalSession {

    public static final String COOKIE = "ikd_operator_session";
    public static final String CSRF_COOKIE = "ikd_portal_csrf";
    private static final String PATH = "/portal";

    private final SuiteKeyring keyring;
    private final VerificationConfig config;
    private final CsrfTokens csrfTokens;

    public PortalSession(SuiteKeyring keyring, VerificationConfig config) {
        this.keyring = keyring;
        this.config = config;
        this.csrfTokens = new CsrfTokens(CSRF_COOKIE, PATH, config.portal().secureCookie());
    }

    public record Signed(OperatorPrincipal principal, String token, String fullName) {
    }

    public Optional<Signed> read(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        JwtClaims claims = keyring.verifyOperatorToken(cookieValue);
        if (claims == null) {
            return Optional.empty();
        }
        try {
            String office = claims.getStringClaimValue("office");
            if (office == null) {
                return Optional.empty();
            }
            Set<String> groups = new HashSet<>(claims.getStringListClaimValue("groups"));
            String name = claims.getStringClaimValue("name");
            return Optional.of(new Signed(new OperatorPrincipal(UUID.fromString(claims.getSubject()),
                    claims.getStringClaimValue("upn"), office, Set.copyOf(groups)), cookieValue, name));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public NewCookie open(String token, long maxAgeSeconds) {
        return cookie(token, (int) maxAgeSeconds);
    }

    public NewCookie close() {
        return cookie("", 0);
    }

    /** The CSRF tokens of the portal's forms. */
    public CsrfTokens csrf() {
        return csrfTokens;
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path(PATH).httpOnly(true)
                .secure(config.portal().secureCookie()).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
