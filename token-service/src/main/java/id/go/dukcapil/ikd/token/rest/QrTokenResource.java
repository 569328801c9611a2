package id.go.dukcapil.ikd.token.rest;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import id.go.dukcapil.ikd.token.domain.QrImage;
import id.go.dukcapil.ikd.token.service.QrImageService;
import id.go.dukcapil.ikd.token.service.QrTokenService;
import id.go.dukcapil.ikd.token.service.TokenProblems;
import id.go.dukcapil.ikd.web.Problem;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/qr-tokens")
@Tag(name = "QR tokens", description = "The 90-second QR of KTP Digital (SOP step 7)")
@SecurityRequirement(name = "jwt")
@RolesAllowed("citizen")
public class QrTokenResource {

    /** The app PIN proof from activation-service ({@code POST /api/v1/citizen/pin-proofs}). */
    public record MintRequest(@NotBlank @Size(max = 4096) String pinProof) {
    }

    /** {@code pngBase64} and {@code svg} hold only characters that JSON carries as they are (see QrPictureSerializer). */
    @JsonSerialize(using = QrPictureSerializer.class)
    public record QrPicture(int version, String pngBase64, String svg, String pngUrl, String svgUrl) {
    }

    public record MintResponse(String token, Instant expiresAt, long expiresIn, QrPicture qr) {
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
            + "proof of the same subject. Returns the compact JWS (ES256, valid 90 s) and its QR code as PNG and SVG.")
    @APIResponse(responseCode = "201", description = "Token and QR images")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "PIN_PROOF_INVALID, IDENTITY_NOT_ACTIVE, WRONG_AUDIENCE or FORBIDDEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "PIN_PROOF_USED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> mint(@Valid @NotNull MintRequest request) {
        Audiences.requireTokenService(jwt);
        return tokens.mint(jwt.getSubject(), request.pinProof())
                .chain(token -> images.render(token).map(image -> Response
                        .created(URI.create("/api/v1/qr-tokens/" + token.jti() + "/qr.png"))
                        .header("Cache-Control", "no-store")
                        .entity(new MintResponse(token.token(), token.expiresAt(),
                                token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond(),
                                picture(image)))
                        .build()));
    }

    @GET
    @Path("/{jti}/qr.png")
    @Produces("image/png")
    @Operation(summary = "The PNG of one of my live QR tokens (drawn again from the token, until it expires)")
    @APIResponse(responseCode = "200", description = "1-bit PNG")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "QR_IMAGE_NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response png(@PathParam("jti") String jti) {
        Audiences.requireTokenService(jwt);
        byte[] png = images.png(jti, jwt.getSubject()).orElseThrow(QrTokenResource::noSuchImage);
        return Response.ok(png, "image/png").header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/{jti}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The SVG of one of my live QR tokens (drawn again from the token, until it expires)")
    @APIResponse(responseCode = "200", description = "SVG")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "QR_IMAGE_NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response svg(@PathParam("jti") String jti) {
        Audiences.requireTokenService(jwt);
        String svg = images.svg(jti, jwt.getSubject()).orElseThrow(QrTokenResource::noSuchImage);
        return Response.ok(svg, "image/svg+xml").header("Cache-Control", "private, no-store").build();
    }

    private static ProblemException noSuchImage() {
        return new ProblemException(TokenProblems.QR_IMAGE_NOT_FOUND,
                "Kode QR ini tidak ada atau sudah kedaluwarsa; minta kode baru.",
                "This QR code does not exist or has expired; request a new one.");
    }

    private static QrPicture picture(QrImage image) {
        String base = "/api/v1/qr-tokens/" + image.jti();
        return new QrPicture(image.version(), Base64.getEncoder().encodeToString(image.png()), image.svg(),
                base + "/qr.png", base + "/qr.svg");
    }
}
