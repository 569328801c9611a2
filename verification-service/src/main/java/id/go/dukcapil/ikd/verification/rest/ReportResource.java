package id.go.dukcapil.ikd.verification.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.rest.Views.ServiceLogView;
import id.go.dukcapil.ikd.verification.service.ServiceReportService;
import id.go.dukcapil.ikd.verification.service.ServiceReportService.SlaReport;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/operator")
@Tag(name = "Service log and SLA")
@SecurityRequirement(name = "bearer")
@RolesAllowed({ Role.OPERATOR_GROUP, Role.SUPERVISOR_GROUP, Role.ADMIN_GROUP })
public class ReportResource {

    private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

    private final ServiceReportService reports;
    private final JsonWebToken jwt;

    public ReportResource(ServiceReportService reports, JsonWebToken jwt) {
        this.reports = reports;
        this.jwt = jwt;
    }

    @GET
    @Path("/service-log")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Buku pelayanan of one day (default: today in the office's zone) of the operator's office (admins/central verifiers: any office)")
    @APIResponse(responseCode = "200", description = "The day's entries, oldest first")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or INVALID_DATE_RANGE (problem+json)")
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE or FORBIDDEN (problem+json)")
    public Uni<List<ServiceLogView>> serviceLog(@QueryParam("date") @Pattern(regexp = DATE) String date,
            @QueryParam("office") @Size(max = 40) String office) {
        return reports.day(Principals.of(jwt), office, date == null ? null : parse(date))
                .map(log -> log.entries().stream().map(Views::logEntry).toList());
    }

    @GET
    @Path("/service-log/export")
    @Produces("text/csv")
    @Operation(summary = "Buku pelayanan of one day as CSV")
    @APIResponse(responseCode = "200", description = "text/csv, one line per action")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or INVALID_DATE_RANGE (problem+json)")
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE or FORBIDDEN (problem+json)")
    public Uni<Response> export(@QueryParam("date") @Pattern(regexp = DATE) String date,
            @QueryParam("office") @Size(max = 40) String office) {
        return reports.day(Principals.of(jwt), office, date == null ? null : parse(date))
                .map(log -> Response.ok(ServiceReportService.csv(log)).type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"buku-pelayanan-" + log.officeCode()
                                + "-" + log.day() + ".csv\"")
                        .build());
    }

    @GET
    @Path("/sla-report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SLA report per office: measured SOP steps against the office's standard (default: the last 30 days)")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceReportService.SlaReport.class),
                    examples = @ExampleObject(name = "november", value = """
                        {"from": "2026-11-01", "to": "2026-11-30",
                         "offices": [{"officeCode": "6305-DISDUKCAPIL", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
                                      "approvalModel": "LOCAL", "timeZone": "WITA", "casesOpened": 431, "casesOpen": 7, "approved": 27,
                                      "activated": 351, "rejected": 19, "withdrawn": 21, "superseded": 6,
                                      "steps": [{"action": "DECIDED", "sopStep": 3, "standardSeconds": 300, "workingDays": null, "measured": 397,
                                                 "averageSeconds": 212.4, "p90Seconds": 318.0, "withinStandard": 371, "withinStandardPercent": 93.5}],
                                      "throughput": [{"day": "2026-11-02", "decided": 19}, {"day": "2026-11-03", "decided": 22}],
                                      "decided": 397,
                                      "breaches": [{"caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "action": "DECIDED", "sopStep": 3, "operator": "tapin.operator1",
                                                    "endedAtLocal": "2026-11-02 11:42", "durationSeconds": 512, "standardSeconds": 300,
                                                    "workingDays": null}],
                                      "operators": [{"operator": "tapin.operator1", "decided": 221, "averageSeconds": 205.7, "p90Seconds": 301.0,
                                                     "withinStandardPercent": 94.1}]}]}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or INVALID_DATE_RANGE (problem+json)")
    public Uni<SlaReport> sla(@QueryParam("from") @Pattern(regexp = DATE) String from,
            @QueryParam("to") @Pattern(regexp = DATE) String to) {
        // today where it is latest (WIT): no office's today is left out of the default window
        LocalDate end = to == null ? LocalDate.now(OfficeTimeZone.WIT.zoneId()) : parse(to);
        LocalDate start = from == null ? end.minusDays(30) : parse(from);
        return reports.sla(Principals.of(jwt), start, end);
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ProblemException(VerificationProblems.INVALID_DATE_RANGE, "Tanggal tidak valid.",
                    "Invalid date.");
        }
    }
}
