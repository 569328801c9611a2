package id.go.dukcapil.ikd.activation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.activation.service.ActivationCodeService;
import id.go.dukcapil.ikd.activation.service.ContactDigestService;
import id.go.dukcapil.ikd.events.CardApproved;
import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/**
 * An approval starts activation (once, however often the event is delivered): from
 * ikd.verification.card, the topic only this service reads ({@code verification.card-approved.v1},
 * beside the {@code verification.decided.v3} the others read), or, from a producer on an older
 * contract version, from ikd.verification: a {@code .v1}'s contact is kept for the {@code .v1}
 * events that forward it, a {@code .v2} brings none. A {@code .v3} decision is skipped here: its
 * approval comes as the card. A correction replaces the contact's keyed hashes.
 */
@ApplicationScoped
public class VerificationConsumer {

    private final IdempotentConsumer consumer;
    private final EventRouter router;
    private final EventRouter cards;

    public VerificationConsumer(IdempotentConsumer consumer, ActivationCodeService codes,
            ContactDigestService digests) {
        this.consumer = consumer;
        this.router = EventRouter.forConsumer("activation-verification")
                .on(VerificationDecided.class, codes::onDecidedV1)
                .on(VerificationDecidedV2.class, codes::onDecided)
                .on(ContactCorrected.class, event -> digests.onCorrected(event)
                        .chain(() -> codes.onContactCorrected(event)))
                .build();
        this.cards = EventRouter.forConsumer("activation-verification-card")
                .on(CardApproved.class, codes::onCardApproved)
                .build();
    }

    @Incoming("verification-in")
    Uni<Void> onVerification(Message<String> message) {
        return consumer.process(message, router);
    }

    @Incoming("verification-card-in")
    Uni<Void> onCard(Message<String> message) {
        return consumer.process(message, cards);
    }
}
