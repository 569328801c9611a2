package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

import id.go.dukcapil.ikd.verification.service.OperatorSessionService;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The operator portal: server-rendered pages over the same services as the API, in Bahasa
 * Indonesia with English. Forms post back to the portal; the session is a cookie holding the
 * operator's token. Problems are shown on the page they came from, never as a bare error. This
 * resource signs in and out; the pages are {@link PortalQueueResource}, {@link PortalCaseResource},
 * {@link PortalReportResource} and the other portal resources.
 *
 * <p>Every page carries the double-submit CSRF token ({@link CsrfTokens}) in its cookie and in a
 * hidden field of each form; every form POST, login and logout included, is refused (403, the
 * page again with a notice) before anything runs when the two differ.
 */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalSignInResource {

    private final Template login;
    private final PortalPages pages;
    private final PortalSession sessions;
    private final CsrfTokens csrfTokens;
    private final OperatorSessionService operatorSessions;

    public PortalSignInResource(@Location("portal/login.html") Template login, PortalPages pages,
            PortalSession sessions, OperatorSessionService operatorSessions) {
        this.login = login;
        this.pages = pages;
        this.sessions = sessions;
        this.csrfTokens = sessions.csrf();
        this.operatorSessions = operatorSessions;
    }

    @GET
    @Operation(summary = "Portal entry: the queue, or the login page")
    @APIResponse(responseCode = "303", description = "Redirect")
    public Response home() {
        return Response.seeOther(URI.create("/portal/queue")).build();
    }

    @GET
    @Path("/login")
    @Operation(summary = "Login page")
    @APIResponse(responseCode = "200", description = "HTML")
    public Response loginPage(@CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.page(login.data("me", null).data("notice", null).data("username", ""), 200, csrfCookie);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in from the login form; sets the session cookie")
    @APIResponse(responseCode = "303", description = "Signed in: to the queue")
    @APIResponse(responseCode = "401", description = "Wrong credentials (HTML page with the message)")
    @APIResponse(responseCode = "403", description = "CSRF token missing or wrong: nothing tried (HTML page with the message)")
    @APIResponse(responseCode = "423", description = "Locked account (HTML page with the message)")
    public Uni<Response> signIn(@RestForm String username, @RestForm String password,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        // login CSRF: another site must not sign this browser in (to an account of its choosing);
        // refused before the password is checked, so no failed attempt is counted either
        if (pages.csrfRefused("login", null, csrfCookie, csrfField)) {
            String typed = username == null || username.length() > 64 ? "" : username;
            return Uni.createFrom().item(pages.page(login.data("me", null).data("notice", PortalNotice.FORM_REFUSED)
                    .data("username", typed), 403, csrfCookie));
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 64 || password.length() > 256) {
            return Uni.createFrom().item(pages.page(login.data("me", null).data("notice", new PortalNotice("error",
                    "Isi nama pengguna dan kata sandi", "Enter the username and password", null, null))
                    .data("username", ""), 400, csrfCookie));
        }
        return operatorSessions.login(username, password)
                // a new CSRF token with the new session: a token known before the login is worth nothing after it
                .map(session -> Response.seeOther(URI.create("/portal/queue"))
                        .cookie(sessions.open(session.accessToken(), session.expiresIn()),
                                csrfTokens.cookie(csrfTokens.issue()))
                        .build())
                .onFailure(ProblemException.class).recoverWithItem(e -> withRetryAfter(pages.page(login.data("me", null)
                        .data("notice", PortalNotice.of((ProblemException) e)).data("username", username),
                        ((ProblemException) e).type().status(), csrfCookie), (ProblemException) e));
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out: clears the session cookie")
    @APIResponse(responseCode = "303", description = "To the login page")
    @APIResponse(responseCode = "403", description = "CSRF token missing or wrong: still signed in (HTML page with the message)")
    public Uni<Response> signOut(@CookieParam(PortalSession.COOKIE) String cookie,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> {
            if (pages.csrfRefused("logout", signed, csrfCookie, csrfField)) {
                return Uni.createFrom().item(pages.scanPage(signed, PortalNotice.FORM_REFUSED, 403, csrfCookie));
            }
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/login")).cookie(sessions.close()).build());
        });
    }

    /** A busy answer (503 SERVICE_BUSY from the password-hash bulkhead) says when to try again, as the API does. */
    private static Response withRetryAfter(Response response, ProblemException problem) {
        return problem.retryAfter().map(wait -> Response.fromResponse(response)
                .header("Retry-After", Math.max(1, wait.toSeconds())).build()).orElse(response);
    }
}
