package id.go.dukcapil.ikd.verification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import id.go.dukcapil.ikd.verification.service.DeliveryLog;
import io.smallrye.mutiny.Uni;

/** ikd.notification: the delivery status of each message to the citizen, for the case page. */
@ApplicationScoped
public class NotificationEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventRouter router;

    public NotificationEventsConsumer(IdempotentConsumer consumer, DeliveryLog deliveries) {
        this.consumer = consumer;
        this.router = EventRouter.forConsumer("verification-notification")
                .on(NotificationStatus.class, deliveries::onStatus)
                .build();
    }

    @Incoming("notification-in")
    Uni<Void> onNotification(Message<String> message) {
        return consumer.process(message, router);
    }
}
