package id.go.dukcapil.ikd.verification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import id.go.dukcapil.ikd.verification.service.CaseLifecycleService;
import io.smallrye.mutiny.Uni;

/**
 * ikd.identity: an activated identity completes its case (and the service log's last step). Both
 * contract versions are read while activation-service moves from {@code .v1} to {@code .v2}; only
 * the registration and the time are used.
 */
@ApplicationScoped
public class IdentityEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventRouter router;

    public IdentityEventsConsumer(IdempotentConsumer consumer, CaseLifecycleService cases) {
        this.consumer = consumer;
        this.router = EventRouter.forConsumer("verification-identity")
                .on(IdentityActivated.class, event -> cases.onActivated(event.registrationId(), event.activatedAt()))
                .on(IdentityActivatedV2.class, event -> cases.onActivated(event.registrationId(), event.activatedAt()))
                .build();
    }

    @Incoming("identity-in")
    Uni<Void> onIdentity(Message<String> message) {
        return consumer.process(message, router);
    }
}
