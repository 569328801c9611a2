package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.service.ComplaintFigures;
import id.go.dukcapil.ikd.verification.service.CounterDocuments;
import id.go.dukcapil.ikd.verification.service.ServiceRegister;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The portal's prints and the office register: the request form and receipt of a case (PDF), the
 * buku pelayanan as a register page with CSV and PDF exports, and the monthly recap. Read-only
 * pages (GET only), so no form of their own needs the CSRF token; the layout's logout form does.
 */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
public class PortalRegisterResource {

    private static final String PDF = "application/pdf";

    private final Template registerPage;
    private final Template recapPage;
    private final PortalPages pages;
    private final CounterDocuments documents;
    private final ServiceRegister register;
    private final ComplaintFigures complaints;

    public PortalRegisterResource(@Location("portal/register.html") Template registerPage,
            @Location("portal/recap.html") Template recapPage, PortalPages pages, CounterDocuments documents,
            ServiceRegister register, ComplaintFigures complaints) {
        this.registerPage = registerPage;
        this.recapPage = recapPage;
        this.pages = pages;
        this.documents = documents;
        this.register = register;
        this.complaints = complaints;
    }

    @GET
    @Path("/cases/{caseId}/request-form.pdf")
    @Produces(PDF)
    @Operation(summary = "The case's pre-filled request form to sign (PDF)")
    @APIResponse(responseCode = "200", description = "application/pdf")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> requestForm(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @PathParam("caseId") String caseId) {
        return pages.signedIn(cookie, csrfCookie, signed -> withCase(caseId, id -> documents
                .requestForm(signed.principal(), signed.fullName(), id).map(PortalRegisterResource::pdf)));
    }

    @GET
    @Path("/cases/{caseId}/receipt.pdf")
    @Produces(PDF)
    @Operation(summary = "The case's receipt (tanda terima) (PDF)")
    @APIResponse(responseCode = "200", description = "application/pdf")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> receipt(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @PathParam("caseId") String caseId) {
        return pages.signedIn(cookie, csrfCookie, signed -> withCase(caseId, id -> documents
                .receipt(signed.principal(), signed.fullName(), id).map(PortalRegisterResource::pdf)));
    }

    @GET
    @Path("/register")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The buku pelayanan as the office's register, filtered by local dates and operator")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> registerPage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("operator") String operator) {
        return pages.signedIn(cookie, csrfCookie, signed -> {
            LocalDate end = day(to).orElse(LocalDate.now(OfficeTimeZone.WIT.zoneId()));
            LocalDate start = day(from).orElse(end);
            String who = operator == null || operator.length() > 64 ? "" : operator;
            TemplateInstance page = registerPage.data("me", signed).data("from", start.toString())
                    .data("to", end.toString()).data("operator", who).data("month", YearMonth.from(start).toString())
                    .data("steps", List.of(3, 4, 5, 99));
            return register.register(signed.principal(), null, start, end, who)
                    .map(r -> pages.page(page.data("register", r).data("notice", null), 200, csrfCookie))
                    .onFailure(ProblemException.class).recoverWithItem(e -> pages.page(page.data("register", null)
                            .data("notice", PortalNotice.of((ProblemException) e)),
                            ((ProblemException) e).type().status(), csrfCookie));
        });
    }

    @GET
    @Path("/register.csv")
    @Produces("text/csv")
    @Operation(summary = "The register as CSV (local times with the zone)")
    @APIResponse(responseCode = "200", description = "text/csv")
    public Uni<Response> registerCsv(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("operator") String operator) {
        return pages.signedIn(cookie, csrfCookie, signed -> read(signed, from, to, operator).chain(r -> register.csv(r)
                .map(csv -> Response.ok(csv).type("text/csv; charset=UTF-8").header("Content-Disposition",
                        "attachment; filename=\"" + name(r) + ".csv\"").build())));
    }

    @GET
    @Path("/register.pdf")
    @Produces(PDF)
    @Operation(summary = "The register as PDF")
    @APIResponse(responseCode = "200", description = "application/pdf")
    public Uni<Response> registerPdf(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("operator") String operator) {
        return pages.signedIn(cookie, csrfCookie, signed -> read(signed, from, to, operator).chain(r -> register.pdf(r)
                .map(bytes -> Response.ok(bytes).type(PDF).header("Content-Disposition",
                        "inline; filename=\"" + name(r) + ".pdf\"").build())));
    }

    @GET
    @Path("/register/recap")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The month's recap of the register (month=2026-08)")
    @APIResponse(responseCode = "200", description = "HTML")
    public Uni<Response> recap(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("month") String month) {
        return pages.signedIn(cookie, csrfCookie, signed -> register.recap(signed.principal(), null, month(month))
                .chain(r -> complaints.summary(r.officeCode(), r.month().atDay(1), r.month().atEndOfMonth())
                        .map(c -> pages.page(recapPage.data("me", signed).data("notice", null).data("recap", r)
                                .data("complaints", c), 200, csrfCookie))));
    }

    @GET
    @Path("/register/recap.pdf")
    @Produces(PDF)
    @Operation(summary = "The month's recap as PDF")
    @APIResponse(responseCode = "200", description = "application/pdf")
    public Uni<Response> recapPdf(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("month") String month) {
        return pages.signedIn(cookie, csrfCookie, signed -> register.recap(signed.principal(), null, month(month))
                .chain(r -> register.pdf(r).map(bytes -> Response.ok(bytes).type(PDF).header("Content-Disposition",
                        "inline; filename=\"rekap-" + r.officeCode() + "-" + r.month() + ".pdf\"").build())));
    }

    private Uni<ServiceRegister.Register> read(PortalSession.Signed signed, String from, String to, String operator) {
        LocalDate end = day(to).orElse(LocalDate.now(OfficeTimeZone.WIT.zoneId()));
        LocalDate start = day(from).orElse(end);
        return register.register(signed.principal(), null, start, end,
                operator == null || operator.length() > 64 ? null : operator);
    }



    private static Uni<Response> withCase(String caseId, Function<UUID, Uni<Response>> action) {
        try {
            return action.apply(UUID.fromString(caseId));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/queue")).build());
        }
    }

    private static Response pdf(CounterDocuments.Printed printed) {
        return Response.ok(printed.pdf()).type(PDF).header("X-Receipt-Reference", printed.reference())
                .header("Content-Disposition", "inline; filename=\"" + printed.fileName() + "\"").build();
    }

    private static String name(ServiceRegister.Register r) {
        return "buku-pelayanan-" + r.officeCode() + "-" + r.from() + "-" + r.to();
    }

    private static Optional<LocalDate> day(String date) {
        try {
            return date == null || date.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static YearMonth month(String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(OfficeTimeZone.WIT.zoneId()) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return YearMonth.now(OfficeTimeZone.WIT.zoneId());
        }
    }
}
