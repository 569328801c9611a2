package id.go.dukcapil.ikd.verification.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.service.RegistryPhotoService;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.RegistryPhotoGrants;
import io.smallrye.mutiny.Uni;

/**
 * The registry photo for the suite's own services. No bearer token: the photo grant in
 * {@value RegistryPhotoGrants#HEADER} is the whole authorisation (suite-signed, one registration,
 * one minute), so neither a citizen's nor a relying party's token is ever passed on.
 */
@Path("/api/v1/registry-photos")
@Tag(name = "Registry photos (suite services)")
@PermitAll
public class RegistryPhotoResource {

    private final RegistryPhotoService photos;

    public RegistryPhotoResource(RegistryPhotoService photos) {
        this.photos = photos;
    }

    @GET
    @Path("/{registrationId}")
    @Operation(summary = "The KTP-el photo of an approved registration, for a suite service with a photo grant")
    @APIResponse(responseCode = "200", description = "The image, never cached",
            content = @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "PHOTO_GRANT_REQUIRED (problem+json)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no approved registration or no photo (problem+json)")
    public Uni<Response> photo(@PathParam("registrationId") UUID registrationId,
            @HeaderParam(RegistryPhotoGrants.HEADER) String grant) {
        return photos.photo(registrationId, grant).map(photo -> photo
                .map(p -> Response.ok(p.content(), p.contentType()).header("Cache-Control", "no-store").build())
                .orElseThrow(() -> new ProblemException(CommonProblems.NOT_FOUND,
                        "Tidak ada foto untuk pendaftaran ini.", "There is no photo for this registration.")));
    }
}
