package id.go.dukcapil.ikd.token.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.token.repository.VerificationRecordRepository;
import id.go.dukcapil.ikd.token.repository.VerificationRecordRepository.VerificationRecord;
import id.go.dukcapil.ikd.token.service.RelyingPartyState;
import io.smallrye.mutiny.Uni;

/**
 * A relying party's own verification history (issue 19), as JSON or CSV for its records: the
 * reference it quoted, when, what it learned, the verdict. Never another client's, and never the
 * holder's subject (the relying party never had it).
 */
@Path("/api/v1/relying-party/verifications")
@Tag(name = "Verification")
@SecurityRequirement(name = "bearer")
@RolesAllowed("verifier")
public class VerificationHistoryResource {

    /** One verification as the relying party sees it; {@code disclosed}: the scopes it learned. */
    @Schema(name = "RelyingPartyVerification", example = """
            {"reference": "VRF-7K3M-Q9XD-2HPA", "verifiedAt": "2026-12-05T02:30:12Z", "disclosed": ["ikd.name", "ikd.nik"],
             "verdict": "VALID"}""")
    public record Entry(String reference, Instant verifiedAt, List<String> disclosed, String verdict) {
    }

    private final VerificationRecordRepository records;
    private final RelyingPartyState relyingParties;
    private final JsonWebToken jwt;

    public VerificationHistoryResource(VerificationRecordRepository records, RelyingPartyState relyingParties,
            JsonWebToken jwt) {
        this.records = records;
        this.relyingParties = relyingParties;
        this.jwt = jwt;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "The calling relying party's verifications, newest first",
            description = "from/to: ISO instants (default: the last 30 days); limit at most 1000. "
                    + "format=csv for an export (text/csv).")
    @APIResponse(responseCode = "200", description = "The records", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Entry.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = """
                            reference,verified_at,disclosed,verdict
                            VRF-7K3M-Q9XD-2HPA,2026-12-05T02:30:12Z,ikd.name ikd.nik,VALID
                            VRF-Q9XD-2HPA-7K3M,2026-12-05T02:41:07Z,,EXPIRED
                            """)) })
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (problem+json)")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED or RELYING_PARTY_DISABLED (problem+json)")
    public Uni<Response> history(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit,
            @QueryParam("format") String format) {
        Audiences.requireTokenService(jwt);
        String clientId = jwt.getSubject();
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(30, ChronoUnit.DAYS) : from;
        return relyingParties.requireEnabled(clientId)
                .chain(() -> records.ofRelyingParty(clientId, start, end, limit))
                .map(list -> {
                    List<Entry> entries = list.stream().map(VerificationHistoryResource::entry).toList();
                    return "csv".equalsIgnoreCase(format)
                            ? Response.ok(csv(entries), "text/csv; charset=UTF-8")
                                    .header("Content-Disposition", "attachment; filename=\"ikd-verifications.csv\"").build()
                            : Response.ok(entries, MediaType.APPLICATION_JSON).build();
                });
    }

    private static Entry entry(VerificationRecord record) {
        return new Entry(record.reference(), record.verifiedAt(),
                record.disclosed().isBlank() ? List.of() : List.of(record.disclosed().split(" ")), record.verdict());
    }

    /** Fields are codes, instants and scopes: nothing a spreadsheet could take for a formula. */
    static String csv(List<Entry> entries) {
        StringBuilder csv = new StringBuilder("reference,verified_at,disclosed,verdict\n");
        for (Entry e : entries) {
            csv.append(e.reference()).append(',').append(e.verifiedAt()).append(',')
                    .append(String.join(" ", e.disclosed())).append(',').append(e.verdict()).append('\n');
        }
        return csv.toString();
    }
}
