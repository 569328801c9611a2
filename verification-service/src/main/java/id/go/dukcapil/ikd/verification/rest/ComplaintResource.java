package id.go.dukcapil.ikd.verification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.domain.ComplaintCategory;
import id.go.dukcapil.ikd.verification.rest.ComplaintViews.CitizenView;
import id.go.dukcapil.ikd.verification.service.ComplaintService;
import id.go.dukcapil.ikd.web.ClientAddress;
import id.go.dukcapil.ikd.web.ProofOfWork;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Complaints (pengaduan) from citizens, without login: a captcha, a few per address, followed by ticket and contact. */
@Path("/api/v1/complaints")
@Tag(name = "Complaints (public)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ComplaintResource {

    private final ComplaintService complaints;

    public ComplaintResource(ComplaintService complaints) {
        this.complaints = complaints;
    }

    /**
     * A complaint as the form sends it.
     *
     * @param captcha the solved proof-of-work (base64 JSON, as the suite's captcha widget submits it)
     */
    public record FileRequest(@NotBlank @Pattern(regexp = "^[0-9A-Z][0-9A-Z-]{2,39}$") String officeCode,
            @NotNull ComplaintCategory category, @NotBlank @Size(min = 10, max = 4000) String text,
            @Size(max = 40) String registrationReference, @Email @Size(max = 254) String email,
            @Size(max = 20) String phone, @Pattern(regexp = "^(id|en)?$") String language,
            @NotBlank @Size(max = 2048) String captcha) {
    }

    @GET
    @Path("/captcha-challenge")
    @Operation(summary = "A proof-of-work captcha challenge (ALTCHA scheme) to solve before filing a complaint")
    @APIResponse(responseCode = "200", description = "The challenge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProofOfWork.Challenge.class),
                    examples = @ExampleObject(name = "challenge", value = ProofOfWork.CHALLENGE_EXAMPLE)))
    public ProofOfWork.Challenge challenge() {
        return complaints.challenge();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a complaint; the ticket number is also sent by email or SMS")
    @APIResponse(responseCode = "201", description = "Filed: the ticket number and the office's response deadline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintViews.Filed.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_REQUEST or CAPTCHA_FAILED (problem+json)")
    @APIResponse(responseCode = "404", description = "OFFICE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "422", description = "CONTACT_REQUIRED: neither email nor a valid mobile number (problem+json)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED with Retry-After (problem+json)")
    public Uni<Response> file(@Valid @NotNull FileRequest request, @Context HttpServerRequest http) {
        return complaints.file(new ComplaintService.Filing(request.officeCode(), request.category(), request.text(),
                request.registrationReference(), request.email(), request.phone(), request.language(), request.captcha()),
                ClientAddress.of(http))
                .map(c -> Response.status(Response.Status.CREATED).entity(ComplaintViews.filed(c)).build());
    }

    @GET
    @Path("/status")
    @Operation(summary = "The status of a complaint, for the citizen: ticket number and the email or phone given when filing")
    @APIResponse(responseCode = "200", description = "Status, steps with their times (office's zone) and the answer once closed")
    @APIResponse(responseCode = "404", description = "COMPLAINT_NOT_FOUND: no such ticket with that contact (problem+json)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED with Retry-After (problem+json)")
    public Uni<CitizenView> status(@QueryParam("ticket") @Size(max = 80) String ticket,
            @QueryParam("contact") @Size(max = 254) String contact, @Context HttpServerRequest http) {
        return complaints.follow(ticket, contact, ClientAddress.of(http))
                .chain(c -> complaints.history(c.id()).map(history -> ComplaintViews.citizen(c, history)));
    }
}
