package id.go.dukcapil.ikd.notification.delivery;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The SMS gateway over HTTP: one request per SMS, its body already rendered by
 * {@link SmsRequestTemplate} and sent as is; 2xx accepted, 400/422 invalid number, 5xx or timeout
 * transient. One method per configurable HTTP method and content type, so each request's
 * Content-Type is fixed by annotation. The URL, timeouts and TLS are configured under
 * {@code quarkus.rest-client.sms-gateway.*}, the credentials by {@link SmsGatewayCredentials}.
 */
@RegisterRestClient(configKey = "sms-gateway")
@RegisterClientHeaders(SmsGatewayCredentials.class)
public interface SmsGatewayClient {

    /** The notification id: a message sent again after a lost lease carries the same key. */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> postJson(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, String body);

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> putJson(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, String body);

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.WILDCARD)
    Uni<Response> postForm(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, String body);

    @PUT
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.WILDCARD)
    Uni<Response> putForm(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, String body);
}
