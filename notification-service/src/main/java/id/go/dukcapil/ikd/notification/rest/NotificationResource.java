package id.go.dukcapil.ikd.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.notification.service.NotificationService;
import id.go.dukcapil.ikd.web.CaseGrants;
import id.go.dukcapil.ikd.web.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifikasi / Notifications", description = "Status pengiriman surel dan SMS ke pemohon / delivery status of email and SMS to the citizen")
public class NotificationResource {

    private static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private final NotificationService service;
    private final JsonWebToken caller;
    private final CaseGrants grants;

    public NotificationResource(NotificationService service, JsonWebToken caller, CaseGrants grants) {
        this.service = service;
        this.caller = caller;
        this.grants = grants;
    }

    @GET
    @RolesAllowed({ "admin", "operator", "supervisor" })
    @Operation(summary = "Pesan ke pemohon satu pendaftaran dan status pengirimannya / Messages to one registration's citizen and their delivery status",
            description = "Untuk ops: penerima disamarkan, isi pesan tidak pernah ditampilkan. Admin melihat semua; petugas dan "
                    + "supervisor hanya kasus kantornya, dengan izin kasus dari verification-service (header "
                    + CaseGrants.HEADER + "). For ops: recipients masked, contents never shown. Admins see every "
                    + "registration; operators and supervisors only their office's cases, with the case grant "
                    + "verification-service issues (header " + CaseGrants.HEADER + ").")
    @APIResponse(responseCode = "200", description = "Pesan, terlama lebih dulu / messages, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationView[].class),
                    examples = @ExampleObject(name = "rejection", summary = "The rejection, sent by email and by SMS; the SMS is retried",
                            value = """
                                    [{"id": "8d3f1c2a-6b7e-4f10-9a2d-5c4b3e2f1a09",
                                      "registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e",
                                      "sourceEventId": "e4a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b", "kind": "VERIFICATION_REJECTED",
                                      "channel": "EMAIL", "state": "SENT", "attempts": 1, "recipientMasked": "b***@example.id",
                                      "createdAt": "2026-12-05T02:30:00Z", "sentAt": "2026-12-05T02:30:04Z"},
                                     {"id": "1f7e6d5c-4b3a-4291-8f0e-d1c2b3a49586",
                                      "registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e",
                                      "sourceEventId": "e4a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b", "kind": "VERIFICATION_REJECTED",
                                      "channel": "SMS", "state": "RETRYING", "attempts": 2, "recipientMasked": "+6281******890",
                                      "lastError": "SMS_503", "createdAt": "2026-12-05T02:30:00Z",
                                      "nextAttemptAt": "2026-12-05T02:32:00Z"}]""")))
    @APIResponse(responseCode = "400", description = "registrationId tidak ada atau bukan UUID / missing or not a UUID (VALIDATION_FAILED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Token tidak ada atau tidak sah / no valid bearer token (UNAUTHORIZED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Bukan admin, operator atau supervisor / not admin, operator or supervisor (FORBIDDEN); "
            + "tanpa izin kasus kantor sendiri / no case grant of the caller's office for this registration (CASE_GRANT_REQUIRED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<NotificationView>> list(
            @Parameter(description = "Id pendaftaran / registration id", required = true)
            @QueryParam("registrationId") @NotNull @Pattern(regexp = UUID_PATTERN) String registrationId,
            @HeaderParam(CaseGrants.HEADER) @Parameter(in = ParameterIn.HEADER,
                    description = "Izin kasus / case grant (POST /api/v1/operator/cases/{caseId}/grant); not for admins") String grant) {
        UUID id = UUID.fromString(registrationId);
        // admins keep the wide scope of operations; operators are scoped as cases are
        Uni<Void> scoped = caller.getGroups().contains("admin") ? Uni.createFrom().voidItem()
                : grants.require(grant, id, caller);
        return scoped.chain(() -> service.forRegistration(id))
                .map(notifications -> notifications.stream().map(NotificationView::of).toList());
    }
}
