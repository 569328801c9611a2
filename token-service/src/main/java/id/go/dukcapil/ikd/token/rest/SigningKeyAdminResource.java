package id.go.dukcapil.ikd.token.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.token.domain.SigningKey;
import id.go.dukcapil.ikd.token.service.SigningKeyService;
import id.go.dukcapil.ikd.token.service.TokenProblems;
import id.go.dukcapil.ikd.web.Problem;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/admin/signing-keys")
@Tag(name = "Admin: signing keys")
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyAdminResource {

    @Schema(example = """
            {"kid": "q7Xb2LmT", "createdAt": "2026-12-01T01:00:00Z", "activeFrom": "2026-12-02T01:00:00Z",
             "retiredAt": null}""")
    public record KeyView(String kid, Instant createdAt, Instant activeFrom, Instant retiredAt) {
        static KeyView of(SigningKey key) {
            return new KeyView(key.kid(), key.createdAt(), key.activeFrom(), key.retiredAt());
        }
    }

    private final SigningKeyService keys;

    public SigningKeyAdminResource(SigningKeyService keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "Published signing keys", description = "Newest first; no private material.")
    @APIResponse(responseCode = "200", description = "Keys")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<KeyView>> list() {
        return keys.reload().map(ring -> ring.keys().stream().map(KeyView::of).toList());
    }

    @POST
    @Path("/rotation")
    @Operation(summary = "Rotate now", description = "immediate=true: the new key signs at once (e.g. a suspected "
            + "leak); otherwise it is published first and signs after publish-ahead. Old keys stay published "
            + "until their tokens expired.")
    @APIResponse(responseCode = "201", description = "The new key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> rotate(@QueryParam("immediate") @DefaultValue("true") boolean immediate) {
        return keys.rotate(immediate).map(key -> Response.status(Response.Status.CREATED).entity(KeyView.of(key)).build());
    }

    @DELETE
    @Path("/{kid}")
    @Operation(summary = "Remove a key at once", description = "For a compromised key: its tokens become UNKNOWN_KEY; "
            + "if it was signing, a new key takes over.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "SIGNING_KEY_NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> remove(@PathParam("kid") String kid) {
        return keys.remove(kid).map(removed -> {
            if (!removed) {
                throw new ProblemException(TokenProblems.SIGNING_KEY_NOT_FOUND, "Kunci " + kid + " tidak ditemukan.",
                        "Key " + kid + " was not found.");
            }
            return Response.noContent().build();
        });
    }
}
