package id.go.dukcapil.ikd.web;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * verification-service's registry photo, fetched with a grant of {@link RegistryPhotoRequests}: one
 * client for every service that shows the photo (activation-service on the citizen's card,
 * token-service to a relying party), configured under {@code quarkus.rest-client.verification-service}.
 * Needs {@code quarkus-rest-client-jackson} in the calling service.
 */
@RegisterRestClient(configKey = "verification-service")
@Path("/api/v1/registry-photos")
public interface RegistryPhotoClient {

    @GET
    @Path("/{registrationId}")
    Uni<Response> photo(@PathParam("registrationId") UUID registrationId,
            @HeaderParam(RegistryPhotoGrants.HEADER) String grant);
}
