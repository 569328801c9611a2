package id.go.dukcapil.ikd.activation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.activation.service.ActivationCodeService;
import id.go.dukcapil.ikd.activation.service.ContactDigestService;
import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/**
 * ikd.verification: an approval starts activation (once, however often the event is delivered),
 * read in both contract versions: a {@code .v1}'s contact is kept for the {@code .v1} events that
 * forward it, a {@code .v2} brings none. A correction replaces the contact's keyed hashes.
 */
@ApplicationScoped
public class VerificationConsumer {

    private final IdempotentConsumer consumer;
    private final EventRouter router;

    public VerificationConsumer(IdempotentConsumer consumer, ActivationCodeService codes,
            ContactDigestService digests) {
        this.consumer = consumer;
        this.router = EventRouter.forConsumer("activation-verification")
                .on(VerificationDecided.class, codes::onDecidedV1)
                .on(VerificationDecidedV2.class, codes::onDecided)
                .on(ContactCorrected.class, event -> digests.onCorrected(event)
                        .chain(() -> codes.onContactCorrected(event)))
                .build();
    }

    @Incoming("verification-in")
    Uni<Void> onVerification(Message<String> message) {
        return consumer.process(message, router);
    }
}
