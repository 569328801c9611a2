package id.go.dukcapil.ikd.activation.rest;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
import id.go.dukcapil.ikd.activation.service.DeactivationService;
import id.go.dukcapil.ikd.web.CsrfTokens;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The page of the deactivation link (a lost phone). Opening the link changes nothing: a mail
 * scanner that follows links must not deactivate anyone; the citizen presses the button (POST,
 * CSRF double-submit as on the activation page), then POST-redirect-GET shows the outcome.
 */
@Path("/deactivate")
@Tag(name = "Deactivation page")
public class DeactivationPageResource {

    static final String DONE_ID = "IKD Anda sudah dinonaktifkan dan QR IKD Anda sekarang ditolak. Untuk memakai IKD lagi, "
            + "daftar ulang di aplikasi IKD dan ikuti lagi langkah SOP: verifikasi di loket Disdukcapil atau panggilan "
            + "video, lalu aktivasi dengan PIN baru.";
    static final String DONE_EN = "Your IKD has been deactivated and your IKD QR is now refused. To use IKD again, register "
            + "again in the IKD app and follow the SOP steps again: verification at a Disdukcapil counter or by video "
            + "call, then activation with a new PIN.";

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME_ID = DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm 'WIB'",
            Locale.forLanguageTag("id-ID"));
    private static final DateTimeFormatter TIME_EN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'WIB'",
            Locale.ENGLISH);

    private final DeactivationService deactivations;
    private final Template page;
    private final CsrfTokens csrfTokens;

    public DeactivationPageResource(DeactivationService deactivations, @Location("deactivate.html") Template page,
            ActivationConfig config) {
        this.deactivations = deactivations;
        this.page = page;
        this.csrfTokens = CsrfTokens.servedFrom(config.publicUrl(), ActivationPageResource.CSRF_COOKIE, "/deactivate");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The deactivation page: a confirm button, or what happened to the link")
    @APIResponse(responseCode = "200", description = "HTML page")
    public Uni<Response> show(@QueryParam("t") String token, @QueryParam("r") String result,
            @CookieParam(ActivationPageResource.CSRF_COOKIE) String csrfCookie) {
        String csrf = csrfTokens.currentOrNew(csrfCookie);
        return deactivations.linkState(token).chain(link -> {
            String state = "DONE".equals(result) && link.state() == DeactivationService.Outcome.USED ? "SUCCESS"
                    : "CSRF".equals(result) && link.state() == DeactivationService.Outcome.DONE ? "CSRF"
                    : link.state() == DeactivationService.Outcome.DONE ? "READY" : link.state().name();
            DeactivationPageView view = new DeactivationPageView(state, token, csrf, format(TIME_ID, link.expiresAt()), format(TIME_EN, link.expiresAt()));
            return page.data("v", view).createUni();
        }).map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(csrfTokens.cookie(csrf)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The confirm button; answers 303 back to the page with the outcome")
    @APIResponse(responseCode = "303", description = "Back to the page")
    public Uni<Response> confirm(@FormParam("t") String token, @FormParam(CsrfTokens.FIELD) String csrfField,
            @CookieParam(ActivationPageResource.CSRF_COOKIE) String csrfCookie) {
        if (!csrfTokens.matches(csrfCookie, csrfField)) {
            return Uni.createFrom().item(backToPage(token, "CSRF"));
        }
        return deactivations.confirm(token).map(done -> backToPage(token, done.outcome().name()));
    }

    private static Response backToPage(String token, String result) {
        URI location = UriBuilder.fromPath("/deactivate").queryParam("t", token == null ? "" : token)
                .queryParam("r", result).build();
        return Response.seeOther(location).build();
    }

    private static String format(DateTimeFormatter formatter, Instant at) {
        return at == null ? null : formatter.format(at.atZone(WIB));
    }
}
