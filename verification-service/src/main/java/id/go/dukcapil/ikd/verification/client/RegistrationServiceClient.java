package id.go.dukcapil.ikd.verification.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import id.go.dukcapil.ikd.web.CaseGrants;
import io.smallrye.mutiny.Uni;

/** registration-service, as far as the portal needs it: the decrypted selfie, with the operator's token and the case grant. */
@RegisterRestClient(configKey = "registration-service")
@Path("/api/v1/registrations")
public interface RegistrationServiceClient {

    @GET
    @Path("/{registrationId}/counter-codes/{codeId}")
    Uni<Response> counterCode(@PathParam("registrationId") UUID registrationId, @PathParam("codeId") UUID codeId,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{registrationId}/selfie")
    Uni<Response> selfie(@PathParam("registrationId") UUID registrationId,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(CaseGrants.HEADER) String caseGrant);
}
