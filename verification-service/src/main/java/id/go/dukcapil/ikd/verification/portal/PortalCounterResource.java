package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import id.go.dukcapil.ikd.verification.service.ContactCorrection;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The counter's remedies in the portal (issue 17, item 7): finding a case by NIK when the citizen
 * cannot show the app's code (the NIK is posted, never put in a URL), and correcting the citizen's
 * contact with them present.
 */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalCounterResource {

    private static final Logger LOG = Logger.getLogger(PortalCounterResource.class);
    private static final java.util.regex.Pattern NIK = java.util.regex.Pattern.compile("^\\d{16}$");

    private final Template searchPage;
    private final Template correctionPage;
    private final PortalPages pages;
    private final CaseSearch search;
    private final ContactCorrection corrections;

    public PortalCounterResource(@Location("portal/case-search.html") Template searchPage,
            @Location("portal/contact-correction.html") Template correctionPage, PortalPages pages,
            CaseSearch search, ContactCorrection corrections) {
        this.searchPage = searchPage;
        this.correctionPage = correctionPage;
        this.pages = pages;
        this.search = search;
        this.corrections = corrections;
    }

    @POST
    @Path("/cases/{caseId}/contact-corrections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Correct the citizen's email or phone at the counter (citizen present, KTP-el checked)")
    @APIResponse(responseCode = "200", description = "HTML: the contact now, masked")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    @APIResponse(responseCode = "400", description = "Invalid contact (HTML with the reason); also 403, 404, 409, 422, 429")
    public Uni<Response> correctContact(@CookieParam(PortalSession.COOKIE) String cookie,
            @PathParam("caseId") String caseId, @RestForm String email, @RestForm String phone,
            @RestForm String citizenPresent, @RestForm String ktpElChecked,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> {
            UUID id;
            try {
                id = UUID.fromString(caseId);
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/portal/queue")).build());
            }
            TemplateInstance page = correctionPage.data("me", signed).data("caseId", id);
            if (pages.csrfRefused("counter", signed, csrfCookie, csrfField)) {
                LOG.warnf("portal contact correction refused, nothing done: CSRF token (operator %s)",
                        signed.principal().username());
                return Uni.createFrom().item(pages.page(page.data("corrected", null).data("notice", notice("error",
                        "Formulir kedaluwarsa atau tidak sah", "The form expired or is not valid")), 403, csrfCookie));
            }
            return corrections.correct(signed.principal(), id, new ContactCorrection.Command(limit(email, 254),
                    limit(phone, 32), "on".equals(citizenPresent), "on".equals(ktpElChecked)))
                    .map(done -> pages.page(page.data("corrected", done).data("notice", notice("ok",
                            "Kontak diperbarui", "Contact updated")), 200, csrfCookie))
                    .onFailure(ProblemException.class).recoverWithItem(e -> problem(page.data("corrected", null),
                            (ProblemException) e, csrfCookie));
        });
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
        return pages.signedIn(cookie, csrfCookie, signed -> {
            TemplateInstance page = searchPage.data("me", signed);
            if (pages.csrfRefused("counter", signed, csrfCookie, csrfField)) {
                LOG.warnf("portal NIK search refused, nothing done: CSRF token (operator %s)",
                        signed.principal().username());
                return Uni.createFrom().item(pages.page(page.data("items", null).data("notice", notice("error",
                        "Formulir kedaluwarsa atau tidak sah", "The form expired or is not valid")), 403, csrfCookie));
            }
            String typed = nik == null ? "" : nik.strip();
            if (!NIK.matcher(typed).matches()) {
                return Uni.createFrom().item(pages.page(page.data("items", null).data("notice", notice("error",
                        "NIK harus 16 angka", "The NIK must be 16 digits")), 400, csrfCookie));
            }
            Instant now = Instant.now();
            return search.byNik(signed.principal(), typed)
                    .map(lines -> pages.page(page.data("notice", null).data("items",
                            lines.stream().map(l -> Views.queueItem(l, now)).toList()), 200, csrfCookie))
                    .onFailure(ProblemException.class).recoverWithItem(e -> problem(page.data("items", null),
                            (ProblemException) e, csrfCookie));
        });
    }

    /** The page with the problem's words, its status, and Retry-After when limited. */
    private Response problem(TemplateInstance page, ProblemException p, String csrfCookie) {
        Response r = pages.page(page.data("notice", PortalNotice.of(p)), p.type().status(), csrfCookie);
        return p.retryAfter().map(wait -> Response.fromResponse(r)
                .header("Retry-After", Math.max(1, wait.toSeconds())).build()).orElse(r);
    }

    private static String limit(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }

    private static PortalNotice notice(String kind, String titleId, String titleEn) {
        return new PortalNotice(kind, titleId, titleEn, null, null);
    }


}
