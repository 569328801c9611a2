package id.go.dukcapil.ikd.registration.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.service.liveness.SelfieChallenges;
import id.go.dukcapil.ikd.web.ClientAddress;
import id.go.dukcapil.ikd.web.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The moving selfie's active challenge: the server picks the moves the app then records. */
@Path("/api/v1/selfie-challenges")
@Tag(name = "Registrations", description = "Pendaftaran IKD dari aplikasi / IKD registration from the app")
public class SelfieChallengeResource {

    private final SelfieChallenges challenges;
    private final RegistrationConfig config;

    public SelfieChallengeResource(SelfieChallenges challenges, RegistrationConfig config) {
        this.challenges = challenges;
        this.config = config;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A challenge for the moving selfie",
            description = "Two different moves picked at random (LEFT, RIGHT, CLOSER), their instructions in Bahasa "
                    + "Indonesia and English, the expiry (2 minutes by default) and the frame limits. Record the "
                    + "citizen following the moves and send the frames with the challenge id in POST "
                    + "/api/v1/registrations; a challenge works once.")
    @APIResponse(responseCode = "201", description = "The challenge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SelfieChallengeView.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED per client address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(@Context HttpServerRequest request) {
        return challenges.issue(ClientAddress.of(request)).map(challenge -> Response.status(Response.Status.CREATED)
                .entity(SelfieChallengeView.of(challenge, config.selfie().liveness(), config.selfie().minSide()))
                .header("Cache-Control", "no-store").build());
    }
}
