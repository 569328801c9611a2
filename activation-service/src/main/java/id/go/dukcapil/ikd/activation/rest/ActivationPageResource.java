package id.go.dukcapil.ikd.activation.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.activation.crypto.ProofOfWorkCaptcha;
import id.go.dukcapil.ikd.activation.service.ActivationCodeService;
import id.go.dukcapil.ikd.activation.service.ActivationService;
import id.go.dukcapil.ikd.activation.service.LinkState;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.ProofOfWork;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The activation page of the email link (SOP step 5), in Bahasa Indonesia with English.
 * POST-redirect-GET: the PIN travels only in a POST body; the redirect carries the outcome code.
 * CSRF: double-submit token, the platform's {@link CsrfTokens} (SameSite=Strict, HttpOnly cookie +
 * hidden field). The page's security headers (strict CSP, no referrer) come from the platform's
 * {@link id.go.dukcapil.ikd.web.PageSecurityHeaders} ({@code ikd.web.pages.*}).
 */
@Path("/activate")
@Tag(name = "Activation page")
public class ActivationPageResource {

    static final String CSRF_COOKIE = "ikd_csrf";
    /** The activation form's Idempotency-Key, made fresh each time the page is drawn. */
    static final String REQUEST_KEY = "requestKey";

    private final ActivationService activations;
    private final ActivationCodeService codes;
    private final ProofOfWorkCaptcha captcha;
    /** verification-service's public pages (directory, complaints), linked at the page's foot. */
    private final String pagesUrl;
    private final Template page;
    private final CsrfTokens csrfTokens;

    public ActivationPageResource(ActivationService activations, ActivationCodeService codes,
            ProofOfWorkCaptcha captcha, @Location("activate.html") Template page, ActivationConfig config) {
        this.activations = activations;
        this.codes = codes;
        this.captcha = captcha;
        this.page = page;
        this.csrfTokens = CsrfTokens.servedFrom(config.publicUrl(), CSRF_COOKIE, "/activate");
        this.pagesUrl = config.publicPagesUrl().replaceAll("/+$", "");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The activation page: PIN and proof-of-work captcha, or what happened to the link")
    @APIResponse(responseCode = "200", description = "HTML page (every failure explained on the page)")
    public Uni<Response> show(@QueryParam("t") String token, @QueryParam("r") String lastResult,
            @CookieParam(CSRF_COOKIE) String csrfCookie) {
        String csrf = csrfTokens.currentOrNew(csrfCookie);
        return activations.linkState(token).chain(link -> {
            ProofOfWork.Challenge challenge = link.state() == LinkState.State.READY ? captcha.issue() : null;
            PageView view = PageView.of(link, lastResult, token, csrf, challenge, json(challenge));
            return page.data("v", view).data("pagesUrl", pagesUrl).data("requestKey", UUID.randomUUID().toString())
                    .createUni();
        }).map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(csrfTokens.cookie(csrf)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Form submission of the activation page; answers 303 back to the page with the outcome")
    @APIResponse(responseCode = "303", description = "Back to the page, which shows success or the reason of the failure")
    public Uni<Response> submit(@FormParam("t") String token, @FormParam("pin") String pin,
            @FormParam("captcha") String captchaSolution, @FormParam(REQUEST_KEY) String requestKey,
            @FormParam(CsrfTokens.FIELD) String csrfField, @CookieParam(CSRF_COOKIE) String csrfCookie) {
        if (!csrfTokens.matches(csrfCookie, csrfField)) {
            return Uni.createFrom().item(backToPage(token, "CSRF"));
        }
        if (pin == null || !pin.matches("\\d{6}")) {
            return Uni.createFrom().item(backToPage(token, "PIN_FORMAT"));
        }
        // the key the page drew: the form sent twice (a double tap, a resend) is one attempt with one answer
        return activations.activate(token, pin, captchaSolution, keyOrNone(requestKey))
                .map(outcome -> backToPage(token, outcome.result().name()));
    }

    /** A key that is not one (an edited form) only loses the deduplication, not the attempt. */
    private static IdempotencyKey keyOrNone(String requestKey) {
        try {
            return IdempotencyKey.of(requestKey);
        } catch (ProblemException malformed) {
            return IdempotencyKey.NONE;
        }
    }

    @POST
    @Path("/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Ask for a new PIN from the page of an expired or locked link")
    @APIResponse(responseCode = "303", description = "Back to the page, which says the same whatever happened")
    public Uni<Response> resend(@FormParam("t") String token, @FormParam(CsrfTokens.FIELD) String csrfField,
            @CookieParam(CSRF_COOKIE) String csrfCookie) {
        if (!csrfTokens.matches(csrfCookie, csrfField)) {
            return Uni.createFrom().item(backToPage(token, "CSRF"));
        }
        return codes.resendForLink(token).replaceWith(backToPage(token, "RESENT"));
    }

    private static Response backToPage(String token, String result) {
        URI location = UriBuilder.fromPath("/activate").queryParam("t", token == null ? "" : token)
                .queryParam("r", result).build();
        return Response.seeOther(location).build();
    }

    private static String json(ProofOfWork.Challenge challenge) {
        return challenge == null ? null : ProofOfWork.json(challenge);
    }
}
