package id.go.dukcapil.ikd.verification.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import id.go.dukcapil.ikd.verification.domain.Holiday;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.service.HolidayService;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** The working-day calendar's holidays (libur nasional, cuti bersama): admins keep them as the SKB 3 Menteri sets them. */
@Path("/api/v1/admin/holidays")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_GROUP)
public class HolidayResource {

    private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

    private final HolidayService holidays;
    private final JsonWebToken jwt;

    public HolidayResource(HolidayService holidays, JsonWebToken jwt) {
        this.holidays = holidays;
        this.jwt = jwt;
    }

    public record HolidayRequest(@NotBlank @Pattern(regexp = DATE) String day, @NotNull Holiday.Kind kind,
            @NotBlank @Size(max = 200) String name) {
    }

    @GET
    @Operation(summary = "The holidays and cuti bersama of a year (default: the current year)")
    @APIResponse(responseCode = "200", description = "The holidays, in date order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Holiday.class),
                    examples = @ExampleObject(name = "december", value = """
                        [{"day": "2026-12-24", "kind": "CUTI_BERSAMA", "name": "Cuti bersama Hari Raya Natal"},
                         {"day": "2026-12-25", "kind": "NATIONAL", "name": "Hari Raya Natal"}]""")))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    public Uni<List<Holiday>> list(@QueryParam("year") @DefaultValue("0") @Min(0) @Max(9999) int year) {
        return holidays.list(year == 0 ? LocalDate.now().getYear() : year);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Add a national holiday or cuti bersama (audited)")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Holiday.class),
                    examples = @ExampleObject(name = "christmas", value = """
                        {"day": "2026-12-25", "kind": "NATIONAL", "name": "Hari Raya Natal"}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or INVALID_DATE_RANGE (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    @APIResponse(responseCode = "409", description = "HOLIDAY_EXISTS (problem+json)")
    public Uni<Holiday> add(@Valid @NotNull HolidayRequest r) {
        return holidays.add(Principals.of(jwt), new Holiday(parse(r.day()), r.kind(), r.name().strip()));
    }

    @DELETE
    @Path("/{day}")
    @ResponseStatus(204)
    @Operation(summary = "Remove a holiday (audited), e.g. when the SKB moves it")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    @APIResponse(responseCode = "404", description = "HOLIDAY_NOT_FOUND (problem+json)")
    public Uni<Void> remove(@PathParam("day") @Pattern(regexp = DATE) String day) {
        return holidays.remove(Principals.of(jwt), parse(day));
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(VerificationProblems.INVALID_DATE_RANGE, "Tanggal tidak valid.", "Invalid date.");
        }
    }
}
