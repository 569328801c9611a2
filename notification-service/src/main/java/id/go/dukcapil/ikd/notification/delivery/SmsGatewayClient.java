package id.go.dukcapil.ikd.notification.delivery;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The suite's SMS gateway contract: {@code POST <ikd.notification.sms.url>} with
 * {@code {"to","message","reference"}}; 2xx accepted, 400/422 invalid number, 5xx or timeout transient.
 * The URL and timeouts are configured under {@code quarkus.rest-client.sms-gateway.*}.
 */
@RegisterRestClient(configKey = "sms-gateway")
public interface SmsGatewayClient {

    record SmsRequest(String to, String message, String reference) {
        @Override
        public String toString() {
            return "SmsRequest[reference=" + reference + "]";
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> send(@HeaderParam("Authorization") String authorization, SmsRequest request);
}
