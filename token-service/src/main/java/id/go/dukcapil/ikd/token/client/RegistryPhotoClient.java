package id.go.dukcapil.ikd.token.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import id.go.dukcapil.ikd.web.RegistryPhotoGrants;
import io.smallrye.mutiny.Uni;

/** verification-service, as far as token-service needs it: the registry photo, with a photo grant. */
@RegisterRestClient(configKey = "verification-service")
@Path("/api/v1/registry-photos")
public interface RegistryPhotoClient {

    @GET
    @Path("/{registrationId}")
    Uni<Response> photo(@PathParam("registrationId") UUID registrationId,
            @HeaderParam(RegistryPhotoGrants.HEADER) String grant);
}
