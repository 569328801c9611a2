package id.go.dukcapil.ikd.token.rest;

import java.time.Instant;
import java.util.Base64;

import jakarta.annotation.security.RolesAllowed;
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

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import id.go.dukcapil.ikd.token.domain.Disclosure;
import id.go.dukcapil.ikd.token.service.QrImageService;
import id.go.dukcapil.ikd.token.service.QrImageService.QrPictures;
import id.go.dukcapil.ikd.token.service.QrTokenService;
import id.go.dukcapil.ikd.web.Problem;
import io.smallrye.mutiny.Uni;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import org.jboss.resteasy.reactive.RestHeader;

@Path("/api/v1/qr-tokens")
@Tag(name = "QR tokens", description = "The 90-second QR of KTP Digital (SOP step 7)")
@SecurityRequirement(name = "bearer")
@RolesAllowed("citizen")
public class QrTokenResource {

    /**
     * The app PIN proof from activation-service ({@code POST /api/v1/citizen/pin-proofs}) and what
     * the citizen chooses to show in the code.
     */
    public record MintRequest(@NotBlank @Size(max = 4096) String pinProof,
            @Schema(description = "What the QR code shows: minimal (default: nothing personal; relying parties get "
                    + "attributes online by their scope), name, standard (name, masked NIK, date of birth), full "
                    + "(standard and the photo digest). Relying parties never learn more than a non-minimal code shows.",
                    enumeration = { "minimal", "name", "standard", "full" }, defaultValue = "minimal")
            @Pattern(regexp = "minimal|name|standard|full") String disclosure) {
    }

    /** {@code pngBase64} and {@code svg} hold only characters that JSON carries as they are (see QrPictureSerializer). */
    @JsonSerialize(using = QrPictureSerializer.class)
    public record QrPicture(int version, String pngBase64, String svg) {
    }

    @Schema(example = """
            {"token": "IKD1:NCFOXN%TSMAHN-H…", "expiresAt": "2026-12-05T02:31:30Z", "expiresIn": 90, "disclosure": "minimal",
             "qr": {"version": 7, "pngBase64": "iVBORw0KGgoAAAANSUhEUgAA…",
                    "svg": "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 53 53'>…</svg>"}}""")
    public record MintResponse(String token, Instant expiresAt, long expiresIn, String disclosure, QrPicture qr) {
    }

    private final QrTokenService tokens;
    private final QrImageService images;
    private final JsonWebToken jwt;

    public QrTokenResource(QrTokenService tokens, QrImageService images, JsonWebToken jwt) {
        this.tokens = tokens;
        this.images = images;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mint a QR token", description = "Citizen bearer JWT (aud token-service) and a fresh PIN "
            + "proof of the same subject. Returns the QR credential (a CWT signed as COSE_Sign1 ES256, valid 90 s, "
            + "in Base45 after the prefix IKD1:) with only the chosen attributes, and its QR code as PNG and SVG. "
            + "Nothing is kept for later fetches: the app can draw the code from the token.")
    @APIResponse(responseCode = "201", description = "Token and QR images",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MintResponse.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "PIN_PROOF_INVALID, IDENTITY_NOT_ACTIVE, WRONG_AUDIENCE or FORBIDDEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "PIN_PROOF_USED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY, or ACTIVATION_IN_TRANSIT (the activation has not reached "
            + "token-service yet; try again after Retry-After)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> mint(@Valid @NotNull MintRequest request,
            @RestHeader(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION) String idempotencyKey) {
        Audiences.requireTokenService(jwt);
        Disclosure disclosure = request.disclosure() == null ? Disclosure.MINIMAL
                : Disclosure.of(request.disclosure()).orElse(Disclosure.MINIMAL);
        return tokens.mint(jwt.getSubject(), request.pinProof(), disclosure, IdempotencyKey.of(idempotencyKey))
                .chain(token -> images.render(token.token()).map(image -> Response
                        .status(Response.Status.CREATED)
                        .header("Cache-Control", "no-store")
                        .entity(new MintResponse(token.token(), token.expiresAt(),
                                token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond(),
                                token.disclosure().label(), picture(image)))
                        .build()));
    }

    private static QrPicture picture(QrPictures image) {
        return new QrPicture(image.version(), Base64.getEncoder().encodeToString(image.png()), image.svg());
    }
}
