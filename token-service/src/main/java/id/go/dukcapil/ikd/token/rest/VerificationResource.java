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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.go.dukcapil.ikd.token.domain.VerificationResult;
import id.go.dukcapil.ikd.token.service.HolderPhotos;
import id.go.dukcapil.ikd.token.service.HolderPhotos.HolderPhoto;
import id.go.dukcapil.ikd.token.service.RelyingPartyState;
import id.go.dukcapil.ikd.token.service.TokenVerificationService;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.Languages;
import id.go.dukcapil.ikd.web.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/verifications")
@Tag(name = "Verification", description = "Relying parties check a scanned QR token online")
@SecurityRequirement(name = "bearer")
@RolesAllowed("verifier")
public class VerificationResource {

    public record VerificationRequest(@NotBlank @Size(max = 4096) String token) {
    }

    /**
     * {@code reason} is a stable code; {@code message} says it in words (Bahasa Indonesia unless
     * English is preferred). {@code reference}: the verification record's, to quote. Valid answers
     * name the {@code issuingOffice} and, when {@code ikd.photo} was released, carry the registry
     * {@code photo}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(example = """
            {"valid": true, "message": "Kode QR sah.", "reference": "VRF-7K3M-Q9XD-2HPA",
             "issuedAt": "2026-12-05T02:30:00Z", "expiresAt": "2026-12-05T02:31:30Z",
             "attributes": {"fullName": "BUDI SANTOSO", "nikMasked": "320412********01", "birthDate": "1990-01-05"},
             "issuingOffice": {"code": "3204-DISDUKCAPIL", "name": "Disdukcapil Kabupaten Bandung"},
             "photo": {"status": "SHOWN", "contentType": "image/jpeg", "data": "/9j/4AAQSkZJRgABAQAAAQABAAD…"}}""")
    public record VerificationResponse(boolean valid, String reason, String message, String reference,
            Instant issuedAt, Instant expiresAt, Map<String, String> attributes, IssuingOffice issuingOffice,
            Photo photo) {
    }

    public record IssuingOffice(String code, String name) {
    }

    /** {@code status} SHOWN (with {@code contentType} and {@code data}, base64) or UNAVAILABLE. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Photo(String status, String contentType, String data) {
    }

    private final TokenVerificationService verifications;
    private final RelyingPartyState relyingParties;
    private final JsonWebToken jwt;
    private final HolderPhotos photos;

    public VerificationResource(TokenVerificationService verifications, RelyingPartyState relyingParties,
            JsonWebToken jwt, HolderPhotos photos) {
        this.photos = photos;
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
            + "REVOKED, MALFORMED. A valid one carries the attributes the relying party's scope allows, the issuing office, "
            + "and with ikd.photo the registry photo (from the identity projection, never from the QR). Every answer "
            + "has a reference and is recorded with the attributes disclosed.")
    @APIResponse(responseCode = "200", description = "The verdict", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerificationResponse.class), examples = {
                    @ExampleObject(name = "valid", summary = "Valid, with the scopes ikd.name, ikd.nik, ikd.birthdate, ikd.photo",
                            value = """
                                    {"valid": true, "message": "Kode QR sah.", "reference": "VRF-7K3M-Q9XD-2HPA",
                                     "issuedAt": "2026-12-05T02:30:00Z", "expiresAt": "2026-12-05T02:31:30Z",
                                     "attributes": {"fullName": "BUDI SANTOSO", "nikMasked": "320412********01", "birthDate": "1990-01-05"},
                                     "issuingOffice": {"code": "3204-DISDUKCAPIL", "name": "Disdukcapil Kabupaten Bandung"},
                                     "photo": {"status": "SHOWN", "contentType": "image/jpeg", "data": "/9j/4AAQSkZJRgABAQAAAQABAAD…"}}"""),
                    @ExampleObject(name = "refused", summary = "Refused: the 90 seconds had passed", value = """
                            {"valid": false, "reason": "EXPIRED",
                             "message": "Kode QR sudah kedaluwarsa (berlaku 90 detik). Minta pemilik menampilkan kode baru.",
                             "reference": "VRF-2HPA-7K3M-Q9XD"}""") }))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED, or RELYING_PARTY_DISABLED: the client was disabled "
            + "(its access tokens stop at once)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "FORBIDDEN (not a verifier) or WRONG_AUDIENCE",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<VerificationResponse> verify(@Valid @NotNull VerificationRequest request, HttpHeaders headers,
            @RestHeader(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION) String idempotencyKey) {
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
        Audiences.requireTokenService(jwt);
        String language = Languages.preferred(headers.getAcceptableLanguages());
        String clientId = jwt.getSubject();
        List<String> scopes = scopes(jwt);
        // a disabled client's token must stop at once, not when it expires
        return relyingParties.requireEnabled(clientId)
                .chain(() -> verifications.verify(request.token(), clientId, scopes, key))
                .chain(result -> photos.of(result).map(photo -> response(result, photo.orElse(null), language)));
    }

    static VerificationResponse response(VerificationResult result, HolderPhoto photo, String language) {
        if (result.valid()) {
            VerificationResult.Holder holder = result.holder();
            return new VerificationResponse(true, null, Languages.ENGLISH.equals(language)
                    ? "Valid QR code." : "Kode QR sah.", result.reference(), result.issuedAt(), result.expiresAt(),
                    result.attributes(), holder == null || holder.officeCode() == null ? null
                            : new IssuingOffice(holder.officeCode(), holder.officeName()),
                    photo == null ? null : new Photo(photo.status().name(), photo.contentType(),
                            photo.dataUri() == null ? null : photo.dataUri().substring(photo.dataUri().indexOf(',') + 1)));
        }
        return new VerificationResponse(false, result.reason().name(), Languages.ENGLISH.equals(language)
                ? result.reason().textEn() : result.reason().textId(), result.reference(), null, null, null, null, null);
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
