package id.go.dukcapil.ikd.verification.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.rest.Views;
import id.go.dukcapil.ikd.verification.service.ComplaintFigures;
import id.go.dukcapil.ikd.verification.service.ServiceReportService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/** The office's day in the portal: the buku pelayanan (page and CSV) and the SLA report. */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalReportResource {

    private final Template serviceLog;
    private final Template sla;
    private final PortalPages pages;
    private final ServiceReportService reports;
    private final ComplaintFigures complaints;

    public PortalReportResource(@Location("portal/service-log.html") Template serviceLog,
            @Location("portal/sla.html") Template sla, PortalPages pages, ServiceReportService reports,
            ComplaintFigures complaints) {
        this.serviceLog = serviceLog;
        this.sla = sla;
        this.pages = pages;
        this.reports = reports;
        this.complaints = complaints;
    }

    @GET
    @Path("/service-log")
    @Operation(summary = "The day's buku pelayanan of the office")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> serviceLogPage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("date") String date) {
        // the day and its times where the office is (WIB, WITA, WIT), not where the server is
        return pages.signedIn(cookie, csrfCookie, signed -> reports.day(signed.principal(), null,
                parseDay(date).orElse(null))
                .map(log -> pages.page(serviceLog.data("me", signed).data("notice", null).data("log", log)
                        .data("zone", log.zone().name()).data("day", log.day().toString())
                        .data("entries", log.entries().stream().map(Views::logEntry).toList()), 200, csrfCookie)));
    }

    @GET
    @Path("/service-log.csv")
    @Produces("text/csv")
    @Operation(summary = "The day's buku pelayanan as CSV (local times of the office, words instead of codes)")
    @APIResponse(responseCode = "200", description = "text/csv")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> serviceLogCsv(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("date") String date) {
        return pages.signedIn(cookie, csrfCookie, signed -> reports.day(signed.principal(), null,
                parseDay(date).orElse(null))
                .map(log -> Response.ok(ServiceReportService.csv(log)).type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"buku-pelayanan-"
                                + log.officeCode() + "-" + log.day() + ".csv\"")
                        .build()));
    }

    @GET
    @Path("/sla")
    @Operation(summary = "SLA report of the office (all offices for admins and central verifiers), any date range (default: last 30 days)")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> slaPage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam) {
        return pages.signedIn(cookie, csrfCookie, signed -> {
            // today where it is latest (WIT): no office's today is left out of the default window
            LocalDate to = parseDay(toParam).orElse(LocalDate.now(OfficeTimeZone.WIT.zoneId()));
            LocalDate from = parseDay(fromParam).orElse(to.minusDays(30));
            return reports.sla(signed.principal(), from, to).chain(report -> complaints
                    .summary(signed.principal().officeCode(), from, to).map(c -> pages.page(sla.data("me", signed)
                            .data("notice", null).data("report", report).data("complaints", c), 200, csrfCookie)));
        });
    }

    private static Optional<LocalDate> parseDay(String date) {
        try {
            return date == null || date.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
