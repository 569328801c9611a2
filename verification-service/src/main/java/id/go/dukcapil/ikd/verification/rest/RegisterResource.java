package id.go.dukcapil.ikd.verification.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.service.CounterDocuments;
import id.go.dukcapil.ikd.verification.service.RegisterRecap.Recap;
import id.go.dukcapil.ikd.verification.service.ServiceRegister;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.Register;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** The counter's prints (request form, receipt) and the buku pelayanan as the office's register, over the API. */
@Path("/api/v1/operator")
@Tag(name = "Counter prints and service register")
@SecurityRequirement(name = "bearer")
@RolesAllowed({ Role.OPERATOR_GROUP, Role.SUPERVISOR_GROUP, Role.ADMIN_GROUP })
public class RegisterResource {

    private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    private static final String PDF = "application/pdf";

    private final ServiceRegister register;
    private final CounterDocuments documents;
    private final JsonWebToken jwt;

    public RegisterResource(ServiceRegister register, CounterDocuments documents, JsonWebToken jwt) {
        this.register = register;
        this.documents = documents;
        this.jwt = jwt;
    }

    @GET
    @Path("/cases/{caseId}/request-form.pdf")
    @Produces(PDF)
    @RolesAllowed({ Role.OPERATOR_GROUP, Role.SUPERVISOR_GROUP })
    @Operation(summary = "The pre-filled request form of the case for the citizen to sign (PDF; gives the case its receipt reference)")
    @APIResponse(responseCode = "200", description = "application/pdf")
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY: the print bulkhead is full, with Retry-After (problem+json)")
    public Uni<Response> requestForm(@PathParam("caseId") UUID caseId) {
        return documents.requestForm(Principals.of(jwt), jwt.getClaim("name"), caseId).map(RegisterResource::pdf);
    }

    @GET
    @Path("/cases/{caseId}/receipt.pdf")
    @Produces(PDF)
    @RolesAllowed({ Role.OPERATOR_GROUP, Role.SUPERVISOR_GROUP })
    @Operation(summary = "The receipt (tanda terima) of the case: reference, office, service standards, complaint channels (PDF)")
    @APIResponse(responseCode = "200", description = "application/pdf; header X-Receipt-Reference")
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY with Retry-After (problem+json)")
    public Uni<Response> receipt(@PathParam("caseId") UUID caseId) {
        return documents.receipt(Principals.of(jwt), jwt.getClaim("name"), caseId).map(RegisterResource::pdf);
    }

    @GET
    @Path("/service-register")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The buku pelayanan as the office's register: one row per service, local days from..to (default today), optionally one operator")
    @APIResponse(responseCode = "200", description = "The register; masked NIK and name only for the office's own operators",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceRegister.Register.class),
                    examples = @ExampleObject(name = "day", value = """
                        {"officeCode": "6305-DISDUKCAPIL", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin", "zone": "WITA",
                         "from": "2026-12-04", "to": "2026-12-04", "operator": null, "personalData": true,
                         "rows": [{"number": 1, "caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "date": "04-12-2026", "time": "10:14",
                                   "nikMasked": "630504********03", "name": "SITI RAHMAWATI", "channel": "COUNTER", "operator": "tapin.operator1",
                                   "operatorName": "Muhammad Rizky Ramadhan", "status": "APPROVED", "reasonCode": null, "reasonNote": null,
                                   "steps": [{"sopStep": 3, "seconds": 240, "standardSeconds": 300, "workingDays": null, "within": true}],
                                   "receiptReference": "IKD-7K3M-Q9TX-2BHC", "scannedAt": "2026-12-04T02:14:00Z"}]}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or INVALID_DATE_RANGE (problem+json)")
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE (problem+json)")
    public Uni<Register> serviceRegister(@QueryParam("from") @Pattern(regexp = DATE) String from,
            @QueryParam("to") @Pattern(regexp = DATE) String to, @QueryParam("operator") @Size(max = 64) String operator,
            @QueryParam("office") @Size(max = 40) String office) {
        return read(office, from, to, operator);
    }

    @GET
    @Path("/service-register.csv")
    @Produces("text/csv")
    @Operation(summary = "The register as CSV (local times with the zone, words instead of codes)")
    @APIResponse(responseCode = "200", description = "text/csv")
    @APIResponse(responseCode = "422", description = "REGISTER_TOO_LARGE: narrow the range (problem+json)")
    public Uni<Response> serviceRegisterCsv(@QueryParam("from") @Pattern(regexp = DATE) String from,
            @QueryParam("to") @Pattern(regexp = DATE) String to, @QueryParam("operator") @Size(max = 64) String operator,
            @QueryParam("office") @Size(max = 40) String office) {
        return read(office, from, to, operator).chain(r -> register.csv(r).map(csv -> Response.ok(csv)
                .type("text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\""
                        + fileName(r) + ".csv\"").build()));
    }

    @GET
    @Path("/service-register.pdf")
    @Produces(PDF)
    @Operation(summary = "The register as PDF (landscape A4)")
    @APIResponse(responseCode = "200", description = "application/pdf")
    @APIResponse(responseCode = "422", description = "REGISTER_TOO_LARGE: narrow the range (problem+json)")
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY with Retry-After (problem+json)")
    public Uni<Response> serviceRegisterPdf(@QueryParam("from") @Pattern(regexp = DATE) String from,
            @QueryParam("to") @Pattern(regexp = DATE) String to, @QueryParam("operator") @Size(max = 64) String operator,
            @QueryParam("office") @Size(max = 40) String office) {
        return read(office, from, to, operator).chain(r -> register.pdf(r).map(bytes -> Response.ok(bytes).type(PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(r) + ".pdf\"").build()));
    }

    @GET
    @Path("/service-register/recap")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The month's recap (month=2026-08): counts by result and channel, share within standard, per operator")
    @APIResponse(responseCode = "200", description = "The recap",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recap.class),
                    examples = @ExampleObject(name = "month", value = """
                        {"officeCode": "6305-DISDUKCAPIL", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin", "zone": "WITA", "month": "2026-11",
                         "served": 412,
                         "results": [{"status": "ACTIVATED", "count": 351}, {"status": "APPROVED", "count": 27}, {"status": "REJECTED", "count": 19},
                                     {"status": "AWAITING_CENTRAL", "count": 0}, {"status": "IN_REVIEW", "count": 0}, {"status": "WITHDRAWN", "count": 9},
                                     {"status": "SUPERSEDED", "count": 6}, {"status": "QUEUED", "count": 0}],
                         "channels": [{"channel": "COUNTER", "count": 398}, {"channel": "VIDEO_CALL", "count": 14}],
                         "steps": [{"sopStep": 3, "measured": 397, "within": 371, "withinPercent": 93.5},
                                   {"sopStep": 99, "measured": 351, "within": 322, "withinPercent": 91.7}],
                         "measured": 397, "withinPercent": 93.5,
                         "operators": [{"operator": "tapin.operator1", "operatorName": "Muhammad Rizky Ramadhan", "served": 230, "approved": 214,
                                        "rejected": 11, "measured": 221, "withinPercent": 94.1}]}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (problem+json)")
    public Uni<Recap> recap(@QueryParam("month") @Pattern(regexp = "^\\d{4}-\\d{2}$") String month,
            @QueryParam("office") @Size(max = 40) String office) {
        return register.recap(Principals.of(jwt), office, month(month));
    }

    @GET
    @Path("/service-register/recap.pdf")
    @Produces(PDF)
    @Operation(summary = "The month's recap as PDF")
    @APIResponse(responseCode = "200", description = "application/pdf")
    public Uni<Response> recapPdf(@QueryParam("month") @Pattern(regexp = "^\\d{4}-\\d{2}$") String month,
            @QueryParam("office") @Size(max = 40) String office) {
        return register.recap(Principals.of(jwt), office, month(month)).chain(recap -> register.pdf(recap)
                .map(bytes -> Response.ok(bytes).type(PDF).header("Content-Disposition", "attachment; filename=\"rekap-"
                        + recap.officeCode() + "-" + recap.month() + ".pdf\"").build()));
    }

    private Uni<Register> read(String office, String from, String to, String operator) {
        LocalDate end = to == null ? LocalDate.now(java.time.ZoneId.of("Asia/Jayapura")) : parse(to);
        LocalDate start = from == null ? end : parse(from);
        return register.register(Principals.of(jwt), office, start, end, operator);
    }

    static String fileName(Register r) {
        return "buku-pelayanan-" + r.officeCode() + "-" + r.from() + "-" + r.to();
    }

    private static Response pdf(CounterDocuments.Printed printed) {
        return Response.ok(printed.pdf()).type(PDF).header("X-Receipt-Reference", printed.reference())
                .header("Content-Disposition", "inline; filename=\"" + printed.fileName() + "\"").build();
    }

    private static YearMonth month(String month) {
        try {
            return month == null ? YearMonth.now(java.time.ZoneId.of("Asia/Jayapura")) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(VerificationProblems.INVALID_DATE_RANGE, "Tanggal tidak valid.", "Invalid date.");
    }
}
