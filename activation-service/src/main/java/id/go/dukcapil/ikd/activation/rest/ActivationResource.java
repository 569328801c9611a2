package id.go.dukcapil.ikd.activation.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import id.go.dukcapil.ikd.web.ProofOfWork;
import id.go.dukcapil.ikd.activation.crypto.ProofOfWorkCaptcha;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.Accepted;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.ActivateRequest;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.Activated;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.ResendRequest;
import id.go.dukcapil.ikd.activation.service.ActivationCodeService;
import id.go.dukcapil.ikd.activation.service.ActivationOutcome;
import id.go.dukcapil.ikd.activation.service.ActivationService;
import id.go.dukcapil.ikd.activation.service.ActivationProblems;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** The activation as JSON (the page at /activate does the same for browsers). */
@Path("/api/v1/activations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activation")
public class ActivationResource {

    private final ActivationService activations;
    private final ActivationCodeService codes;
    private final ProofOfWorkCaptcha captcha;

    public ActivationResource(ActivationService activations,
            ActivationCodeService codes, ProofOfWorkCaptcha captcha) {
        this.activations = activations;
        this.codes = codes;
        this.captcha = captcha;
    }

    @GET
    @Path("/captcha-challenge")
    @Operation(summary = "A proof-of-work captcha challenge (ALTCHA scheme) to solve before activating")
    @APIResponse(responseCode = "200", description = "The challenge: find number so that SHA-256(salt + number) = challenge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProofOfWork.Challenge.class),
                    examples = @ExampleObject(name = "challenge", value = ProofOfWork.CHALLENGE_EXAMPLE)))
    public ProofOfWork.Challenge captchaChallenge() {
        return captcha.issue();
    }

    @POST
    @Operation(summary = "Activate the digital identity with the activation PIN, the link token and a solved captcha")
    @APIResponse(responseCode = "200", description = "Activated: the identity exists and is bound to the device")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_REQUEST or CAPTCHA_FAILED (problem+json)")
    @APIResponse(responseCode = "404", description = "INVALID_LINK: unknown link token")
    @APIResponse(responseCode = "409", description = "ALREADY_ACTIVATED: this code was used")
    @APIResponse(responseCode = "410", description = "CODE_EXPIRED, CODE_REPLACED or REGISTRATION_WITHDRAWN")
    @APIResponse(responseCode = "422", description = "WRONG_PIN, with attemptsLeft")
    @APIResponse(responseCode = "423", description = "CODE_LOCKED after 5 wrong PINs; ask for a resend")
    public Uni<Activated> activate(@Valid @NotNull ActivateRequest request,
            @RestHeader(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION) String idempotencyKey) {
        return activations.activate(request.linkToken(), request.pin(), request.captcha(), IdempotencyKey.of(idempotencyKey))
                .map(ActivationResource::activatedOrProblem);
    }

    @POST
    @Path("/{registrationId}/resend")
    @Operation(summary = "Ask for a new activation PIN (authorised by a link token of this registration)",
            description = "Always answers 202 the same way; a new code is issued only for a registration that has "
                    + "a link token matching, is not activated yet and has not used its 3 resends of the day.")
    @APIResponse(responseCode = "202", description = "Accepted; nothing about the registration's state is revealed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST (problem+json)")
    public Uni<Response> resend(@PathParam("registrationId") UUID registrationId, @Valid @NotNull ResendRequest request) {
        return codes.resend(registrationId, request.linkToken())
                .replaceWith(Response.accepted(new Accepted(
                        "Jika permintaan dapat diproses, PIN aktivasi baru dikirim ke email Anda.",
                        "If the request can be processed, a new activation PIN is sent to your email.")).build());
    }

    static Activated activatedOrProblem(ActivationOutcome outcome) {
        return switch (outcome.result()) {
            case ACTIVATED -> new Activated("ACTIVATED", outcome.activatedAt());
            case WRONG_PIN -> throw new ProblemException(ActivationProblems.WRONG_PIN,
                    "PIN salah. Sisa percobaan: " + outcome.attemptsLeft() + ".",
                    "Wrong PIN. Attempts left: " + outcome.attemptsLeft() + ".")
                    .with("attemptsLeft", outcome.attemptsLeft());
            case LOCKED -> throw new ProblemException(ActivationProblems.CODE_LOCKED,
                    "Minta PIN baru melalui tautan kirim ulang.", "Ask for a new PIN with the resend link.")
                    .with("attemptsLeft", 0);
            case EXPIRED -> throw new ProblemException(ActivationProblems.CODE_EXPIRED,
                    "Minta PIN baru melalui tautan kirim ulang.", "Ask for a new PIN with the resend link.");
            case REPLACED -> throw new ProblemException(ActivationProblems.CODE_REPLACED,
                    "Gunakan tautan pada email terbaru.", "Use the link in the newest email.");
            case WITHDRAWN -> throw new ProblemException(ActivationProblems.REGISTRATION_WITHDRAWN,
                    "Daftar ulang di aplikasi IKD bila Anda tetap ingin mengaktifkan IKD.",
                    "Register again in the IKD app if you still want to activate IKD.");
            case ALREADY_ACTIVATED -> throw new ProblemException(ActivationProblems.ALREADY_ACTIVATED);
            case INVALID_LINK -> throw new ProblemException(ActivationProblems.INVALID_LINK);
            case CAPTCHA_FAILED -> throw new ProblemException(ActivationProblems.CAPTCHA_FAILED,
                    "Selesaikan captcha baru lalu coba lagi.", "Solve a new captcha and try again.");
        };
    }
}
