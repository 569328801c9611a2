package id.go.dukcapil.ikd.verification.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import id.go.dukcapil.ikd.verification.domain.ApprovalModel;
import id.go.dukcapil.ikd.verification.domain.OfficeLevel;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VideoSchedule;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar;
import id.go.dukcapil.ikd.verification.rest.Views.OfficeView;
import id.go.dukcapil.ikd.verification.rest.Views.OperatorView;
import id.go.dukcapil.ikd.verification.service.AdminService;
import id.go.dukcapil.ikd.verification.service.AuditLog;
import id.go.dukcapil.ikd.verification.service.AuditLog.ChainVerification;
import id.go.dukcapil.ikd.verification.service.VideoScheduleAdmin;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_GROUP)
public class AdminResource {

    private final AdminService admin;
    private final AuditLog audit;
    private final VideoScheduleAdmin schedules;
    private final JsonWebToken jwt;

    public AdminResource(AdminService admin, AuditLog audit, VideoScheduleAdmin schedules, JsonWebToken jwt) {
        this.admin = admin;
        this.audit = audit;
        this.schedules = schedules;
        this.jwt = jwt;
    }

    public record OfficeRequest(
            @NotBlank @Pattern(regexp = "^[0-9A-Z][0-9A-Z-]{2,39}$") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull OfficeLevel level,
            @Pattern(regexp = "^\\d{2}\\.\\d{2}(\\.\\d{2})?$") String areaCode,
            @Size(max = 300) String address,
            @Size(max = 40) @Pattern(regexp = "^[0-9 +()-]*$") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 40) @Pattern(regexp = "^[0-9 +()-]*$") String whatsapp,
            @Size(max = 300) @Pattern(regexp = "^https?://\\S+$") String website,
            @NotNull ApprovalModel approvalModel,
            @Min(1) @Max(1440) int verificationMinutes,
            @Min(1) @Max(1440) int validationMinutes,
            @Min(1) @Max(1440) int activationMinutes,
            @Min(1) @Max(10080) int completionMinutes,
            @Size(max = 500) String standardSource) {
    }

    public record OperatorRequest(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$") String username,
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Size(max = 40) String officeCode,
            @NotNull @Size(min = 1, max = 3) Set<Role> roles,
            @NotBlank @Size(min = 12, max = 256) String password) {
    }

    @GET
    @Path("/offices")
    @Operation(summary = "Every office with its service standard and approval model")
    @APIResponse(responseCode = "200", description = "The offices")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    public Uni<List<OfficeView>> offices() {
        return admin.offices().map(list -> list.stream().map(Views::office).toList());
    }

    @POST
    @Path("/offices")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create an office (Dinas or kecamatan) with its standard and approval model")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficeView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    @APIResponse(responseCode = "409", description = "OFFICE_EXISTS or OFFICE_AREA_TAKEN (problem+json)")
    public Uni<OfficeView> createOffice(@Valid @NotNull OfficeRequest r) {
        return admin.createOffice(Principals.of(jwt), new AdminService.NewOffice(r.code(), r.name(), r.level(),
                r.areaCode(), r.address(), r.phone(), r.email(), r.whatsapp(), r.website(), r.approvalModel(),
                r.verificationMinutes(), r.validationMinutes(), r.activationMinutes(), r.completionMinutes(),
                r.standardSource())).map(Views::office);
    }

    public record VideoCallsRequest(@NotNull Boolean enabled) {
    }

    @PUT
    @Path("/offices/{code}/video-calls")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch verification by video call on or off for an office (off where its SOP names the service place only)")
    @APIResponse(responseCode = "200", description = "The office as it is now")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    @APIResponse(responseCode = "404", description = "OFFICE_NOT_FOUND (problem+json)")
    public Uni<OfficeView> officeVideoCalls(@PathParam("code") @Size(max = 40) String code,
            @Valid @NotNull VideoCallsRequest request) {
        return admin.videoCalls(Principals.of(jwt), code, request.enabled()).map(Views::office);
    }

    /** A span of video-call hours on a weekday, in the office's local time. */
    public record VideoHours(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    public record VideoScheduleRequest(@Min(5) @Max(120) int slotMinutes, @Min(1) @Max(50) int capacity,
            @NotNull @Size(max = 28) List<@Valid @NotNull VideoHours> hours) {
    }

    @Schema(example = """
            {"officeCode": "6305-DISDUKCAPIL", "timeZone": "WITA", "videoCalls": true, "slotMinutes": 15, "capacity": 2,
             "hours": [{"day": "MONDAY", "opens": "08:00:00", "closes": "12:00:00"}, {"day": "MONDAY", "opens": "13:00:00", "closes": "16:00:00"}]}""")
    public record VideoScheduleView(String officeCode, String timeZone, boolean videoCalls, int slotMinutes, int capacity,
            List<VideoHours> hours) {
    }

    @GET
    @Path("/offices/{code}/video-schedule")
    @Operation(summary = "The office's video-call schedule: weekly hours in its local time, slot length, calls at once")
    @APIResponse(responseCode = "200", description = "The schedule")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    @APIResponse(responseCode = "404", description = "OFFICE_NOT_FOUND (problem+json)")
    public Uni<VideoScheduleView> officeVideoSchedule(@PathParam("code") @Size(max = 40) String code) {
        return schedules.schedule(code).map(AdminResource::scheduleView);
    }

    @PUT
    @Path("/offices/{code}/video-schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the office's video-call schedule (hours in the office's local time; holidays have no slots)")
    @APIResponse(responseCode = "200", description = "The schedule as it is now")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: out of bounds, a span that closes before it opens, overlapping spans")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    @APIResponse(responseCode = "404", description = "OFFICE_NOT_FOUND (problem+json)")
    public Uni<VideoScheduleView> replaceOfficeVideoSchedule(@PathParam("code") @Size(max = 40) String code,
            @Valid @NotNull VideoScheduleRequest request) {
        List<WorkingCalendar.Hours> hours = new ArrayList<>();
        for (VideoHours h : request.hours()) {
            if (!h.opens().isBefore(h.closes())) {
                return Uni.createFrom().failure(new ProblemException(CommonProblems.VALIDATION_FAILED,
                        "Jam buka harus sebelum jam tutup.", "Opening must be before closing."));
            }
            hours.add(new WorkingCalendar.Hours(h.day(), h.opens(), h.closes()));
        }
        return schedules.replace(Principals.of(jwt), code, request.slotMinutes(), request.capacity(), hours)
                .chain(() -> schedules.schedule(code)).map(AdminResource::scheduleView);
    }

    private static VideoScheduleView scheduleView(VideoSchedule s) {
        return new VideoScheduleView(s.officeCode(), s.zone().name(), s.videoCalls(), s.slotMinutes(), s.capacity(),
                s.hours().stream().map(h -> new VideoHours(h.day(), h.opens(), h.closes())).toList());
    }

    @GET
    @Path("/operators")
    @Operation(summary = "Every operator account (no password hashes)")
    @APIResponse(responseCode = "200", description = "The accounts")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    public Uni<List<OperatorView>> operators() {
        Instant now = Instant.now();
        return admin.operators().map(list -> list.stream().map(a -> Views.operator(a, now)).toList());
    }

    @POST
    @Path("/operators")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create an operator account (password hashed with Argon2id)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperatorView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    @APIResponse(responseCode = "404", description = "OFFICE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "409", description = "USERNAME_TAKEN (problem+json)")
    public Uni<OperatorView> createOperator(@Valid @NotNull OperatorRequest r) {
        return admin.createOperator(Principals.of(jwt),
                new AdminService.NewOperator(r.username(), r.fullName(), r.officeCode(), r.roles(), r.password()))
                .map(a -> Views.operator(a, Instant.now()));
    }

    @POST
    @Path("/operators/{operatorId}/unlock")
    @Operation(summary = "Unlock an account locked after failed logins")
    @APIResponse(responseCode = "200", description = "Unlocked")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins only (problem+json)")
    @APIResponse(responseCode = "404", description = "OPERATOR_NOT_FOUND (problem+json)")
    public Uni<OperatorView> unlock(@PathParam("operatorId") UUID operatorId) {
        return admin.unlock(Principals.of(jwt), operatorId).map(a -> Views.operator(a, Instant.now()));
    }

    @GET
    @Path("/audit/verification")
    @RolesAllowed({ Role.ADMIN_GROUP, Role.SUPERVISOR_GROUP })
    @Operation(summary = "Verify the audit chain end to end: intact, or the first entry where it breaks and why")
    @APIResponse(responseCode = "200", description = "The verification outcome (intact=false when any row was edited, removed or reordered)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditLog.ChainVerification.class),
                    examples = {
                    @ExampleObject(name = "intact", summary = "Every entry verified", value = """
                        {"intact": true, "entriesVerified": 18342, "brokenAtSeq": null, "reason": null,
                         "headHash": "b7e2c9a4f1d8e3b6a0c5f2d9e4b7a1c8f3e6d0b5a2c9f4e7d1b8a3c6f0e5d2b9"}"""),
                    @ExampleObject(name = "broken", summary = "An entry was edited", value = """
                        {"intact": false, "entriesVerified": 1203, "brokenAtSeq": 1204, "reason": "CONTENT_CHANGED",
                         "headHash": null}""") }))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: admins and supervisors only (problem+json)")
    public Uni<ChainVerification> verifyAudit() {
        return audit.verify();
    }
}
