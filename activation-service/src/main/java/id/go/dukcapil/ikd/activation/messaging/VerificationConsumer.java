package id.go.dukcapil.ikd.activation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.activation.service.ActivationCodeService;
import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/** ikd.verification: an approval starts activation (once, however often the event is delivered). */
@ApplicationScoped
public class VerificationConsumer {

    private final IdempotentConsumer consumer;
    private final EventRouter router;

    public VerificationConsumer(IdempotentConsumer consumer, ActivationCodeService codes) {
        this.consumer = consumer;
        this.router = EventRouter.forConsumer("activation-verification")
                .on(VerificationDecided.class, codes::onDecided)
                .on(ContactCorrected.class, codes::onContactCorrected)
                .build();
    }

    @Incoming("verification-in")
    Uni<Void> onVerification(Message<String> message) {
        return consumer.process(message, router);
    }
}
