package id.go.dukcapil.ikd.activation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.activation.service.ContactDigestService;
import id.go.dukcapil.ikd.activation.service.WithdrawalService;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

/**
 * ikd.registration: a withdrawn registration must not be activated, even if its approval came
 * first; a submission leaves keyed hashes of its contact, for the self-deactivation match.
 */
@ApplicationScoped
public class RegistrationConsumer {

    private final IdempotentConsumer consumer;
    private final EventRouter router;

    public RegistrationConsumer(IdempotentConsumer consumer, WithdrawalService withdrawals,
            ContactDigestService digests) {
        this.consumer = consumer;
        this.router = EventRouter.forConsumer("activation-registration")
                .on(RegistrationWithdrawn.class, withdrawals::onWithdrawn)
                .on(RegistrationSubmitted.class, digests::onSubmitted)
                .build();
    }

    @Incoming("registration-in")
    Uni<Void> onRegistration(Message<String> message) {
        return consumer.process(message, router);
    }
}
