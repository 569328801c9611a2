package id.go.dukcapil.ikd.notification.delivery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Sends one SMS through the HTTP gateway, as its configured request template says, and
 * classifies its answer. Built at start-up, so an unusable template stops the deployment rather
 * than the first citizen's SMS.
 */
@ApplicationScoped
@Startup
public class SmsSender {

    private final SmsGatewayClient gateway;
    private final NotificationConfig.Sms.Method method;
    private final SmsRequestTemplate template;
    private final String senderId;

    public SmsSender(@RestClient SmsGatewayClient gateway, NotificationConfig config) {
        this.gateway = gateway;
        this.method = config.sms().method();
        this.template = SmsRequestTemplate.from(config.sms());
        this.senderId = config.sms().senderId().orElse(null);
    }

    /** {@code reference} is the notification id: the gateway (and ops) correlate with it. */
    public Uni<DeliveryOutcome> send(String to, String message, UUID reference) {
        if (!Recipients.isDeliverablePhone(to)) {
            return Uni.createFrom().item(DeliveryOutcome.refused("INVALID_RECIPIENT"));
        }
        return request(reference.toString(), template.render(to, message, reference.toString(), senderId))
                .map(response -> classify(response.getStatus()))
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> classify(((WebApplicationException) e).getResponse().getStatus()))
                .onFailure().recoverWithItem(e -> DeliveryOutcome.retry("SMS_GATEWAY_UNAVAILABLE: " + e.getClass().getSimpleName()));
    }

    private Uni<Response> request(String key, String body) {
        return switch (template.contentType()) {
            case JSON -> method == NotificationConfig.Sms.Method.PUT ? gateway.putJson(key, body)
                    : gateway.postJson(key, body);
            case FORM -> method == NotificationConfig.Sms.Method.PUT ? gateway.putForm(key, body)
                    : gateway.postForm(key, body);
        };
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
