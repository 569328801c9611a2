package id.go.dukcapil.ikd.verification.rest;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.domain.ComplaintStatus;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.rest.ComplaintViews.OfficeView;
import id.go.dukcapil.ikd.verification.service.ComplaintDesk;
import io.smallrye.mutiny.Uni;

/** The office's complaints: list, detail, assign, note, status and closure with the answer. */
@Path("/api/v1/operator/complaints")
@Tag(name = "Complaints (office)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OPERATOR_GROUP, Role.SUPERVISOR_GROUP })
public class OperatorComplaintResource {

    private final ComplaintDesk desk;
    private final JsonWebToken jwt;
    private final Clock clock;

    public OperatorComplaintResource(ComplaintDesk desk, JsonWebToken jwt, Clock clock) {
        this.desk = desk;
        this.jwt = jwt;
        this.clock = clock;
    }

    public record AssignRequest(@Size(max = 100) String assignee, @Size(max = 2000) String note) {
    }

    public record NoteRequest(@NotBlank @Size(max = 2000) String note) {
    }

    public record StatusRequest(@NotNull ComplaintStatus status, @Size(max = 2000) String note) {
    }

    public record CloseRequest(@NotBlank @Size(max = 4000) String answer) {
    }

    @GET
    @Operation(summary = "The office's complaints, newest first, optionally of one status")
    @APIResponse(responseCode = "200", description = "The complaints (without history)")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an operator or supervisor (problem+json)")
    public Uni<List<OfficeView>> list(@QueryParam("status") ComplaintStatus status) {
        return desk.list(Principals.of(jwt), status)
                .map(list -> list.stream().map(c -> ComplaintViews.office(c, List.of(), clock.instant())).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One complaint of the office with its history")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "403", description = "COMPLAINT_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND (problem+json)")
    public Uni<OfficeView> detail(@PathParam("id") UUID id) {
        return desk.detail(Principals.of(jwt), id).map(this::view);
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign the complaint to an officer (empty to unassign)")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "409", description = "COMPLAINT_CLOSED (problem+json)")
    public Uni<OfficeView> assign(@PathParam("id") UUID id, @Valid @NotNull AssignRequest request) {
        return desk.assign(Principals.of(jwt), id, request.assignee(), request.note()).map(this::view);
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an internal note (the citizen does not see it)")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "422", description = "NOTE_REQUIRED (problem+json)")
    public Uni<OfficeView> note(@PathParam("id") UUID id, @Valid @NotNull NoteRequest request) {
        return desk.note(Principals.of(jwt), id, request.note()).map(this::view);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the complaint on (VERIFYING, MEDIATING, COORDINATING); the citizen is told")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "409", description = "COMPLAINT_CLOSED or COMPLAINT_STATUS_NOT_ALLOWED (problem+json)")
    @APIResponse(responseCode = "422", description = "ANSWER_REQUIRED: closing goes through /closure (problem+json)")
    public Uni<OfficeView> move(@PathParam("id") UUID id, @Valid @NotNull StatusRequest request) {
        return desk.move(Principals.of(jwt), id, request.status(), request.note()).map(this::view);
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the complaint with the office's answer; the citizen receives it")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "409", description = "COMPLAINT_CLOSED (problem+json)")
    @APIResponse(responseCode = "422", description = "ANSWER_REQUIRED (problem+json)")
    public Uni<OfficeView> close(@PathParam("id") UUID id, @Valid @NotNull CloseRequest request) {
        return desk.close(Principals.of(jwt), id, request.answer()).map(this::view);
    }

    private OfficeView view(ComplaintDesk.Detail d) {
        return ComplaintViews.office(d.complaint(), d.history(), clock.instant());
    }
}
