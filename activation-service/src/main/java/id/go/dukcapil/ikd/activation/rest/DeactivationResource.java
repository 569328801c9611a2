package id.go.dukcapil.ikd.activation.rest;

import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.activation.rest.ActivationApi.Accepted;
import id.go.dukcapil.ikd.activation.service.ActivationProblems;
import id.go.dukcapil.ikd.activation.service.DeactivationService;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** Self-deactivation from another device (a lost phone): a confirmation link to the IKD's email and phone. */
@Path("/api/v1/citizen/deactivation-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Citizen")
public class DeactivationResource {

    static final Accepted SAME_ANSWER = new Accepted(
            "Jika data yang Anda isi cocok dengan IKD yang aktif, tautan konfirmasi sudah dikirim ke email dan nomor HP "
                    + "yang terdaftar. Buka tautan itu dan tekan tombol konfirmasi untuk menonaktifkan IKD.",
            "If the details you entered match an active IKD, a confirmation link was sent to the registered email and "
                    + "mobile number. Open that link and press the confirm button to deactivate the IKD.");

    private final DeactivationService deactivations;

    public DeactivationResource(DeactivationService deactivations) {
        this.deactivations = deactivations;
    }

    public record LinkRequest(@NotBlank @Pattern(regexp = "\\d{16}") String nik,
            @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 32) String phone) {
    }

    public record Confirmation(@NotBlank @Size(max = 128) String token) {
    }

    @Schema(example = """
            {"status": "REVOKED", "revokedAt": "2026-12-05T02:30:00Z",
             "message": "IKD Anda sudah dinonaktifkan dan QR IKD Anda sekarang ditolak. Untuk memakai IKD lagi, daftar ulang di aplikasi IKD dan ikuti lagi langkah SOP: verifikasi di loket Disdukcapil atau panggilan video, lalu aktivasi dengan PIN baru.",
             "messageEn": "Your IKD has been deactivated and your IKD QR is now refused. To use IKD again, register again in the IKD app and follow the SOP steps again: verification at a Disdukcapil counter or by video call, then activation with a new PIN."}""")
    public record Deactivated(String status, Instant revokedAt, String message, String messageEn) {
    }

    @POST
    @PermitAll
    @Operation(summary = "Ask for a deactivation link (lost phone): NIK, registered email and mobile number",
            description = "When all three match an active IKD, a single-use link (30 min) goes to that email and phone. "
                    + "The answer is the same whether or not they match.")
    @APIResponse(responseCode = "202", description = "The same message in every case", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class),
            examples = @ExampleObject(name = "sameAnswer", value = """
                    {"message": "Jika data yang Anda isi cocok dengan IKD yang aktif, tautan konfirmasi sudah dikirim ke email dan nomor HP yang terdaftar. Buka tautan itu dan tekan tombol konfirmasi untuk menonaktifkan IKD.",
                     "messageEn": "If the details you entered match an active IKD, a confirmation link was sent to the registered email and mobile number. Open that link and press the confirm button to deactivate the IKD."}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST (problem+json)")
    public Uni<Response> request(@Valid @NotNull LinkRequest request) {
        return deactivations.request(request.nik(), request.email(), request.phone())
                .replaceWith(() -> Response.accepted(SAME_ANSWER).build());
    }

    @POST
    @Path("/confirmation")
    @PermitAll
    @Operation(summary = "Confirm with the link's token: the IKD ends (IdentityRevoked CITIZEN_REQUEST)")
    @APIResponse(responseCode = "200", description = "Deactivated; the QR is refused as REVOKED from now on")
    @APIResponse(responseCode = "403", description = "IDENTITY_NOT_ACTIVE: already revoked or replaced")
    @APIResponse(responseCode = "404", description = "DEACTIVATION_LINK_UNKNOWN")
    @APIResponse(responseCode = "409", description = "DEACTIVATION_LINK_USED")
    @APIResponse(responseCode = "410", description = "DEACTIVATION_LINK_EXPIRED")
    public Uni<Deactivated> confirm(@Valid @NotNull Confirmation confirmation) {
        return deactivations.confirm(confirmation.token()).map(done -> switch (done.outcome()) {
            case DONE -> new Deactivated("REVOKED", done.revokedAt(), DeactivationPageResource.DONE_ID,
                    DeactivationPageResource.DONE_EN);
            case USED -> throw new ProblemException(ActivationProblems.DEACTIVATION_LINK_USED);
            case EXPIRED -> throw new ProblemException(ActivationProblems.DEACTIVATION_LINK_EXPIRED);
            case INACTIVE -> throw new ProblemException(ActivationProblems.IDENTITY_NOT_ACTIVE);
            case UNKNOWN -> throw new ProblemException(ActivationProblems.DEACTIVATION_LINK_UNKNOWN);
        });
    }
}
