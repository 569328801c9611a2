package id.go.dukcapil.ikd.notification.delivery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import io.smallrye.mutiny.Uni;

/** Sends one SMS through the HTTP gateway and classifies its answer. */
@ApplicationScoped
public class SmsSender {

    private final SmsGatewayClient gateway;
    private final String authorization;

    public SmsSender(@RestClient SmsGatewayClient gateway, NotificationConfig config) {
        this.gateway = gateway;
        this.authorization = config.sms().token().filter(token -> !token.isBlank()).map(token -> "Bearer " + token)
                .orElse(null);
    }

    /** {@code reference} is the notification id: the gateway (and ops) correlate with it. */
    public Uni<DeliveryOutcome> send(String to, String message, UUID reference) {
        if (!Recipients.isDeliverablePhone(to)) {
            return Uni.createFrom().item(DeliveryOutcome.refused("INVALID_RECIPIENT"));
        }
        return gateway.send(authorization, new SmsGatewayClient.SmsRequest(to, message, reference.toString()))
                .map(response -> classify(response.getStatus()))
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> classify(((WebApplicationException) e).getResponse().getStatus()))
                .onFailure().recoverWithItem(e -> DeliveryOutcome.retry("SMS_GATEWAY_UNAVAILABLE: " + e.getClass().getSimpleName()));
    }

    static DeliveryOutcome classify(int status) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.sent();
        }
        if (status == 400 || status == 422) {
            return DeliveryOutcome.refused("SMS_" + status);
        }
        return DeliveryOutcome.retry("SMS_" + status);
    }
}
