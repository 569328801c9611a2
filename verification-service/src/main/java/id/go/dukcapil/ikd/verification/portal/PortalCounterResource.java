package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import id.go.dukcapil.ikd.verification.rest.Views;
import id.go.dukcapil.ikd.verification.service.CaseSearch;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The counter's remedies in the portal (issue 17, item 7): finding a case by NIK when the citizen
 * cannot show the app's code. The NIK is posted, never put in a URL.
 */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalCounterResource {

    private static final Logger LOG = Logger.getLogger(PortalCounterResource.class);
    private static final java.util.regex.Pattern NIK = java.util.regex.Pattern.compile("^\\d{16}$");

    private final Template searchPage;
    private final PortalSession sessions;
    private final CsrfTokens csrfTokens;
    private final CaseSearch search;

    public PortalCounterResource(@Location("portal/case-search.html") Template searchPage, PortalSession sessions,
            CaseSearch search) {
        this.searchPage = searchPage;
        this.sessions = sessions;
        this.csrfTokens = sessions.csrf();
        this.search = search;
    }

    @POST
    @Path("/case-searches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Find the office's cases of a NIK (audited, limited per operator)")
    @APIResponse(responseCode = "200", description = "HTML: the cases found")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    @APIResponse(responseCode = "400", description = "Not a 16-digit NIK (HTML); 403 for a refused form, 429 when limited")
    public Uni<Response> searchByNik(@CookieParam(PortalSession.COOKIE) String cookie, @RestForm String nik,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return signedIn(cookie, signed -> {
            TemplateInstance page = searchPage.data("me", signed);
            if (csrfTokens.verdict(csrfCookie, csrfField) != CsrfTokens.Verdict.MATCH) {
                LOG.warnf("portal NIK search refused, nothing done: CSRF token (operator %s)",
                        signed.principal().username());
                return Uni.createFrom().item(html(page.data("items", null).data("notice", notice("error",
                        "Formulir kedaluwarsa atau tidak sah", "The form expired or is not valid")), 403, csrfCookie));
            }
            String typed = nik == null ? "" : nik.strip();
            if (!NIK.matcher(typed).matches()) {
                return Uni.createFrom().item(html(page.data("items", null).data("notice", notice("error",
                        "NIK harus 16 angka", "The NIK must be 16 digits")), 400, csrfCookie));
            }
            Instant now = Instant.now();
            return search.byNik(signed.principal(), typed)
                    .map(lines -> html(page.data("notice", null).data("items",
                            lines.stream().map(l -> Views.queueItem(l, now)).toList()), 200, csrfCookie))
                    .onFailure(ProblemException.class).recoverWithItem(e -> {
                        ProblemException p = (ProblemException) e;
                        Response r = html(page.data("items", null).data("notice", PortalResource.Notice.of(p)),
                                p.type().status(), csrfCookie);
                        return p.retryAfter().map(wait -> Response.fromResponse(r)
                                .header("Retry-After", Math.max(1, wait.toSeconds())).build()).orElse(r);
                    });
        });
    }

    private static PortalResource.Notice notice(String kind, String titleId, String titleEn) {
        return new PortalResource.Notice(kind, titleId, titleEn, null, null);
    }

    private Uni<Response> signedIn(String cookie, Function<PortalSession.Signed, Uni<Response>> action) {
        Optional<PortalSession.Signed> signed = sessions.read(cookie);
        if (signed.isEmpty() || !signed.get().principal().canDecide()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/login")).build());
        }
        return action.apply(signed.get());
    }

    private Response html(TemplateInstance instance, int status, String csrfCookie) {
        String csrf = csrfTokens.currentOrNew(csrfCookie);
        return Response.status(status).entity(instance.data("csrf", csrf))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cookie(csrfTokens.cookie(csrf)).build();
    }
}
