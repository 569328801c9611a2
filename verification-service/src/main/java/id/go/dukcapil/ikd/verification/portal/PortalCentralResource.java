package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import id.go.dukcapil.ikd.verification.service.CentralReviewService;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The central verifier's pages: the live cross-office queue by region with each case's working
 * time left (refreshed once a minute), and "return to office" with a note from the case page.
 */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalCentralResource {

    private static final Logger LOG = Logger.getLogger(PortalCentralResource.class);

    private final Template page;
    private final PortalSession sessions;
    private final CsrfTokens csrfTokens;
    private final CentralReviewService central;

    public PortalCentralResource(@Location("portal/central-queue.html") Template page, PortalSession sessions,
            CentralReviewService central) {
        this.page = page;
        this.sessions = sessions;
        this.csrfTokens = sessions.csrf();
        this.central = central;
    }

    @GET
    @Path("/central-queue")
    @Operation(summary = "The central verifier's queue: every case awaiting central verification by province, most urgent first, with the working time left")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    @APIResponse(responseCode = "403", description = "Not a central verifier (HTML page with the message)")
    public Uni<Response> centralQueue(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("returned") String returned) {
        Optional<PortalSession.Signed> signed = sessions.read(cookie);
        if (signed.isEmpty() || !signed.get().principal().canDecide()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/login")).build());
        }
        PortalNotice notice = returned == null ? null : new PortalNotice("ok",
                "Kasus dikembalikan ke kantor", "Case returned to the office", null, null);
        TemplateInstance view = page.data("me", signed.get());
        return central.queue(signed.get().principal())
                .map(queue -> html(view.data("queue", queue).data("notice", notice), 200, csrfCookie))
                .onFailure(ProblemException.class).recoverWithItem(e -> html(view.data("queue", null)
                        .data("notice", PortalNotice.of((ProblemException) e)),
                        ((ProblemException) e).type().status(), csrfCookie));
    }

    @POST
    @Path("/cases/{caseId}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Return a case to its office with a note, from the case page (central verifier)")
    @APIResponse(responseCode = "303", description = "Returned: to the central queue; refused: to the case page with the reason")
    @APIResponse(responseCode = "403", description = "CSRF token missing or wrong: nothing done (to the case page)")
    public Uni<Response> returnToOffice(@CookieParam(PortalSession.COOKIE) String cookie,
            @PathParam("caseId") String caseId, @RestForm String note, @RestForm(CsrfTokens.FIELD) String csrfField,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        Optional<PortalSession.Signed> signed = sessions.read(cookie);
        if (signed.isEmpty() || !signed.get().principal().canDecide()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/login")).build());
        }
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/central-queue")).build());
        }
        URI casePage = URI.create("/portal/cases/" + id);
        if (csrfTokens.verdict(csrfCookie, csrfField) != CsrfTokens.Verdict.MATCH) {
            LOG.warnf("portal return form refused, nothing done: CSRF token (operator %s)",
                    signed.get().principal().username());
            return Uni.createFrom().item(Response.status(403).location(casePage).build());
        }
        String text = note == null ? null : note.length() > 500 ? note.substring(0, 500) : note;
        return central.returnToOffice(signed.get().principal(), id, text)
                .map(dossier -> Response.seeOther(URI.create("/portal/central-queue?returned=" + id)).build())
                .onFailure(ProblemException.class).recoverWithItem(e -> Response.seeOther(URI.create(casePage
                        + "?problem=" + ((ProblemException) e).type().code())).build());
    }

    private Response html(TemplateInstance instance, int status, String csrfCookie) {
        String csrf = csrfTokens.currentOrNew(csrfCookie);
        return Response.status(status).entity(instance.data("csrf", csrf))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cookie(csrfTokens.cookie(csrf)).build();
    }
}
