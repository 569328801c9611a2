package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * What every portal page resource does alike: the signed-in operator or the login page, a page
 * with the browser's CSRF token, the CSRF check of a form or script request, and a problem shown
 * on the scan page. (Some page resources still write these themselves; new ones use this.)
 */
@ApplicationScoped
public class PortalPages {

    private static final Logger LOG = Logger.getLogger(PortalPages.class);

    private final PortalSession sessions;
    private final CsrfTokens csrfTokens;
    private final Template scan;
    private final Template login;

    public PortalPages(PortalSession sessions, @Location("portal/scan.html") Template scan,
            @Location("portal/login.html") Template login) {
        this.sessions = sessions;
        this.csrfTokens = sessions.csrf();
        this.scan = scan;
        this.login = login;
    }

    public PortalSession sessions() {
        return sessions;
    }

    /**
     * {@code page} for a signed-in operator or supervisor: the one sign-in rule of every portal
     * page. Otherwise the session cookie is cleared too: to the login page, or for an admin the
     * login page saying whose portal this is (403).
     */
    public Uni<Response> signedIn(String cookie, String csrfCookie,
            Function<PortalSession.Signed, Uni<Response>> page) {
        Optional<PortalSession.Signed> signed = sessions.read(cookie);
        if (signed.isEmpty()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/login")).cookie(sessions.close()).build());
        }
        if (!signed.get().principal().canDecide()) {
            // e.g. an admin: administration goes through the API, the portal is for operators and supervisors
            return Uni.createFrom().item(Response.fromResponse(page(login.data("me", null).data("username", "")
                    .data("notice", new PortalNotice("error", "Portal ini untuk petugas dan supervisor",
                            "This portal is for operators and supervisors", "Admin memakai API administrasi.",
                            "Admins use the administration API.")), 403, csrfCookie)).cookie(sessions.close()).build());
        }
        return page.apply(signed.get());
    }

    /** A page whose forms carry the browser's CSRF token (a new one when it has none); the cookie is set again. */
    public Response page(TemplateInstance instance, int status, String csrfCookie) {
        String csrf = csrfTokens.currentOrNew(csrfCookie);
        return Response.status(status).entity(instance.data("csrf", csrf)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(csrfTokens.cookie(csrf)).build();
    }

    /** Whether a form or script request is refused for its CSRF token; logs the reason and the operator, never a token. */
    public boolean csrfRefused(String form, PortalSession.Signed signed, String csrfCookie, String csrfValue) {
        CsrfTokens.Verdict verdict = csrfTokens.verdict(csrfCookie, csrfValue);
        if (verdict == CsrfTokens.Verdict.MATCH) {
            return false;
        }
        LOG.warnf("portal %s form refused, nothing done: CSRF token %s (%s)", form, verdict,
                signed == null ? "not signed in" : "operator " + signed.principal().username());
        return true;
    }

    /**
     * What a page's script request does: {@code action} for a signed-in operator or supervisor, else
     * 401 UNAUTHORIZED as problem+json (never the login page).
     */
    public <T> Uni<T> json(String cookie, Function<PortalSession.Signed, Uni<T>> action) {
        Optional<PortalSession.Signed> signed = sessions.read(cookie);
        if (signed.isEmpty() || !signed.get().principal().canDecide()) {
            return Uni.createFrom().failure(new ProblemException(CommonProblems.UNAUTHORIZED));
        }
        return action.apply(signed.get());
    }

    /** As {@link #json}, for a script request that changes something: the CSRF token in a header, else 403. */
    public <T> Uni<T> jsonWithCsrf(String cookie, String csrfCookie, String csrfHeader, String form,
            Function<PortalSession.Signed, Uni<T>> action) {
        return json(cookie, signed -> {
            if (csrfRefused(form, signed, csrfCookie, csrfHeader)) {
                throw new ProblemException(CommonProblems.FORBIDDEN, "Muat ulang halaman.", "Reload the page.");
            }
            return action.apply(signed);
        });
    }

    /** An image as a {@code data:} URI, so a page shows it without a second request that would need the case grant. */
    public static String dataUri(String contentType, byte[] content) {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(content);
    }

    /** The problem on the scan page: where the portal explains what no page of its own can show. */
    public Response problemPage(PortalSession.Signed signed, ProblemException e, String csrfCookie) {
        return scanPage(signed, PortalNotice.of(e), e.type().status(), csrfCookie);
    }

    /** The scan page with {@code notice} (none: {@code null}). */
    public Response scanPage(PortalSession.Signed signed, PortalNotice notice, int status, String csrfCookie) {
        return page(scan.data("me", signed).data("notice", notice), status, csrfCookie);
    }
}
