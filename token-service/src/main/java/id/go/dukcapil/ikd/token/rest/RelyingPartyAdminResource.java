package id.go.dukcapil.ikd.token.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.token.domain.RelyingParty;
import id.go.dukcapil.ikd.token.service.RelyingPartyService;
import id.go.dukcapil.ikd.token.service.RelyingPartyState;
import id.go.dukcapil.ikd.web.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/admin/relying-parties")
@Tag(name = "Admin: relying parties")
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class RelyingPartyAdminResource {

    public record CreateClient(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String clientId,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 1, max = 10) List<@NotBlank String> scopes) {
    }

    @Schema(example = """
            {"clientId": "bank-nusantara", "name": "PT Bank Nusantara Tbk", "scopes": ["ikd.name", "ikd.nik"],
             "enabled": true, "createdAt": "2026-11-20T03:15:00Z"}""")
    public record ClientView(String clientId, String name, List<String> scopes, boolean enabled, Instant createdAt) {
        static ClientView of(RelyingParty client) {
            return new ClientView(client.clientId, client.name, client.scopeList(), client.enabled, client.createdAt);
        }
    }

    /** The only time the secret is shown. */
    @Schema(example = """
            {"clientId": "bank-nusantara", "clientSecret": "••••", "scopes": ["ikd.name", "ikd.nik"]}""")
    public record CreatedClient(String clientId, String clientSecret, List<String> scopes) {
    }

    private final RelyingPartyService clients;
    private final RelyingPartyState states;

    public RelyingPartyAdminResource(RelyingPartyService clients, RelyingPartyState states) {
        this.clients = clients;
        this.states = states;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a relying party", description = "Scopes: ikd.name, ikd.nik, ikd.birthdate, ikd.photo. "
            + "The client secret is returned once and stored hashed.")
    @APIResponse(responseCode = "201", description = "Created, with its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedClient.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, UNKNOWN_SCOPE",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "RELYING_PARTY_EXISTS", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> create(@Valid @NotNull CreateClient request) {
        return clients.create(request.clientId(), request.name(), request.scopes())
                .map(created -> Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                        .entity(new CreatedClient(created.client().clientId, created.secret(),
                                created.client().scopeList()))
                        .build());
    }

    @GET
    @Operation(summary = "List relying parties")
    @APIResponse(responseCode = "200", description = "Clients, without secrets")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<ClientView>> list() {
        return clients.list().map(all -> all.stream().map(ClientView::of).toList());
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Disable a relying party", description = "It gets no new access tokens, and the ones it "
            + "holds stop verifying at once on this replica, within ikd.token.relying-parties.state-max-age (1 s) on others.")
    @APIResponse(responseCode = "200", description = "Disabled")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "RELYING_PARTY_NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ClientView> disable(@PathParam("clientId") String clientId) {
        // told after the transaction committed, so that no replica reads the old state again
        return clients.disable(clientId).invoke(() -> states.forget(clientId)).map(ClientView::of);
    }
}
