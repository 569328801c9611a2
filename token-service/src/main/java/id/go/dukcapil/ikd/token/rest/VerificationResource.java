package id.go.dukcapil.ikd.token.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.go.dukcapil.ikd.token.domain.VerificationResult;
import id.go.dukcapil.ikd.token.service.RelyingPartyState;
import id.go.dukcapil.ikd.token.service.TokenVerificationService;
import id.go.dukcapil.ikd.web.Languages;
import id.go.dukcapil.ikd.web.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/verifications")
@Tag(name = "Verification", description = "Relying parties check a scanned QR token online")
@SecurityRequirement(name = "jwt")
@RolesAllowed("verifier")
public class VerificationResource {

    public record VerificationRequest(@NotBlank @Size(max = 4096) String token) {
    }

    /** {@code reason} is a stable code; {@code message} says it in words (Bahasa Indonesia unless English is preferred). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VerificationResponse(boolean valid, String reason, String message, Instant issuedAt,
            Instant expiresAt, Map<String, String> attributes) {
    }

    private final TokenVerificationService verifications;
    private final RelyingPartyState relyingParties;
    private final JsonWebToken jwt;

    public VerificationResource(TokenVerificationService verifications, RelyingPartyState relyingParties,
            JsonWebToken jwt) {
        this.verifications = verifications;
        this.relyingParties = relyingParties;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a QR token", description = "Signature against the published keys (ES256 only), typ, "
            + "expiry and not-before with a small leeway, revocation and single use. A refused token is still a 200 "
            + "answer, with valid=false and a reason: EXPIRED, NOT_YET_VALID, BAD_SIGNATURE, UNKNOWN_KEY, REPLAYED, "
            + "REVOKED, MALFORMED. A valid one carries the attributes the relying party's scope allows.")
    @APIResponse(responseCode = "200", description = "The verdict")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED, or RELYING_PARTY_DISABLED: the client was disabled "
            + "(its access tokens stop at once)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "FORBIDDEN (not a verifier) or WRONG_AUDIENCE",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<VerificationResponse> verify(@Valid @NotNull VerificationRequest request, HttpHeaders headers) {
        Audiences.requireTokenService(jwt);
        String language = Languages.preferred(headers.getAcceptableLanguages());
        String clientId = jwt.getSubject();
        List<String> scopes = scopes(jwt);
        // a disabled client's token must stop at once, not when it expires
        return relyingParties.requireEnabled(clientId)
                .chain(() -> verifications.verify(request.token(), clientId, scopes))
                .map(result -> response(result, language));
    }

    static VerificationResponse response(VerificationResult result, String language) {
        if (result.valid()) {
            return new VerificationResponse(true, null, Languages.ENGLISH.equals(language)
                    ? "Valid QR code." : "Kode QR sah.", result.issuedAt(), result.expiresAt(), result.attributes());
        }
        return new VerificationResponse(false, result.reason().name(), Languages.ENGLISH.equals(language)
                ? result.reason().textEn() : result.reason().textId(), null, null, null);
    }

    private static List<String> scopes(JsonWebToken jwt) {
        Object scope = jwt.getClaim("scope");
        if (scope == null) {
            return List.of();
        }
        String text = scope instanceof jakarta.json.JsonString json ? json.getString() : scope.toString();
        return Arrays.stream(text.split(" ")).filter(s -> !s.isBlank()).toList();
    }
}
