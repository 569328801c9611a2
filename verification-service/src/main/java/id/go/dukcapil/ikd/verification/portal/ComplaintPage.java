package id.go.dukcapil.ikd.verification.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

import id.go.dukcapil.ikd.verification.config.RetentionSettings;
import id.go.dukcapil.ikd.verification.domain.ComplaintCategory;
import id.go.dukcapil.ikd.verification.rest.ComplaintViews;
import id.go.dukcapil.ikd.verification.rest.OfficeDirectoryResource;
import id.go.dukcapil.ikd.verification.service.ComplaintService;
import id.go.dukcapil.ikd.web.ClientAddress;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.ProofOfWork;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The public complaint page (pengaduan, no login): the form (office, category, text, optional
 * receipt reference, email and/or mobile number, language, proof-of-work captcha), the ticket
 * number once filed, and the status of a complaint by ticket and contact. A plain form, so it
 * works from the app's and the activation page's links and from the office directory
 * ({@code /pengaduan?office=CODE}).
 */
@Path("/pengaduan")
@Tag(name = "Complaints (public HTML)")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ComplaintPage {

    private final Template page;
    private final ComplaintService complaints;
    /** After how many days a complaint left open is closed and emptied: the form tells the citizen. */
    private final long openDays;

    public ComplaintPage(@Location("complaints/complaint.html") Template page, ComplaintService complaints,
            RetentionSettings retention) {
        this.openDays = retention.openComplaint().toDays();
        this.page = page;
        this.complaints = complaints;
    }

    @GET
    @Operation(summary = "The complaint form (office=CODE preselects an office)")
    @APIResponse(responseCode = "200", description = "HTML")
    public Uni<Response> form(@QueryParam("office") String office) {
        Map<String, String> typed = blank();
        typed.put("officeCode", office == null || office.length() > 40 ? "" : office);
        return render(typed, null, null, null, 200);
    }

    @POST
    @Operation(summary = "File the complaint from the form; the page shows the ticket number")
    @APIResponse(responseCode = "200", description = "HTML: the ticket number, or the form again with the reason")
    public Uni<Response> file(@RestForm String officeCode, @RestForm String category, @RestForm String text,
            @RestForm String registrationReference, @RestForm String email, @RestForm String phone,
            @RestForm String language, @RestForm String captcha, @Context HttpServerRequest request) {
        Map<String, String> typed = blank();
        typed.put("officeCode", cut(officeCode, 40));
        typed.put("category", cut(category, 20));
        typed.put("text", cut(text, 4000));
        typed.put("registrationReference", cut(registrationReference, 40));
        typed.put("email", cut(email, 254));
        typed.put("phone", cut(phone, 20));
        typed.put("language", "en".equals(language) ? "en" : "id");
        ComplaintCategory chosen;
        try {
            chosen = ComplaintCategory.valueOf(typed.get("category"));
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        String body = typed.get("text").strip();
        if (chosen == null || body.length() < 10) {
            return render(typed, null, null, PortalNotice.of(new ProblemException(
                    CommonProblems.VALIDATION_FAILED,
                    "Pilih kategori dan tulis aduan Anda (paling sedikit 10 huruf).",
                    "Choose a category and write your complaint (10 characters at least).")), 400);
        }
        return complaints.file(new ComplaintService.Filing(typed.get("officeCode"), chosen, body,
                typed.get("registrationReference"), typed.get("email"), typed.get("phone"), typed.get("language"),
                captcha), ClientAddress.of(request))
                .chain(c -> render(typed, ComplaintViews.filed(c), null, null, 200))
                .onFailure(ProblemException.class).recoverWithUni(e -> problem(typed, (ProblemException) e));
    }

    @GET
    @Path("/status")
    @Operation(summary = "The status of a complaint by ticket and the email or phone given when filing")
    @APIResponse(responseCode = "200", description = "HTML")
    public Uni<Response> status(@QueryParam("ticket") String ticket, @QueryParam("contact") String contact,
            @Context HttpServerRequest request) {
        Map<String, String> typed = blank();
        typed.put("ticket", cut(ticket, 80));
        typed.put("contact", cut(contact, 254));
        return complaints.follow(typed.get("ticket"), typed.get("contact"), ClientAddress.of(request))
                .chain(c -> complaints.history(c.id()).map(h -> ComplaintViews.citizen(c, h)))
                .chain(view -> render(typed, null, view, null, 200))
                .onFailure(ProblemException.class).recoverWithUni(e -> problem(typed, (ProblemException) e));
    }

    private Uni<Response> problem(Map<String, String> typed, ProblemException e) {
        return render(typed, null, null, PortalNotice.of(e), e.type().status()).map(response -> e.retryAfter()
                .map(wait -> Response.fromResponse(response).header("Retry-After", Math.max(1, wait.toSeconds())).build())
                .orElse(response));
    }

    private Uni<Response> render(Map<String, String> typed, ComplaintViews.Filed filed, ComplaintViews.CitizenView status,
            PortalNotice notice, int code) {
        ProofOfWork.Challenge challenge = filed == null && status == null ? complaints.challenge() : null;
        return complaints.offices().map(offices -> Response.status(code).entity(page.data("typed", typed)
                .data("offices", offices).data("categories", ComplaintViews.categories())
                .data("challengeJson", challenge == null ? "" : ProofOfWork.json(challenge)).data("filed", filed)
                .data("status", status).data("notice", notice).data("openDays", openDays))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build());
    }

    /** Every field the page reads, empty (Qute renders strictly: a key the map lacks is an error). */
    private static Map<String, String> blank() {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String key : new String[] { "officeCode", "category", "text", "registrationReference", "email", "phone",
                "language", "ticket", "contact" }) {
            typed.put(key, "");
        }
        return typed;
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
