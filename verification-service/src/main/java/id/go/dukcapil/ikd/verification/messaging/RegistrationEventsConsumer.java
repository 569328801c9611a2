package id.go.dukcapil.ikd.verification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.events.CounterCodeIssued;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import id.go.dukcapil.ikd.verification.service.CaseLifecycleService;
import io.smallrye.mutiny.Uni;

/** ikd.registration: submitted registrations open cases, counter codes are remembered, withdrawals close cases. */
@ApplicationScoped
public class RegistrationEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventRouter router;

    public RegistrationEventsConsumer(IdempotentConsumer consumer, CaseLifecycleService cases) {
        this.consumer = consumer;
        this.router = EventRouter.forConsumer("verification-registration")
                .on(RegistrationSubmitted.class, cases::onSubmitted)
                .on(CounterCodeIssued.class, cases::onCounterCode)
                .on(RegistrationWithdrawn.class, cases::onWithdrawn)
                .build();
    }

    @Incoming("registration-in")
    Uni<Void> onRegistration(Message<String> message) {
        return consumer.process(message, router);
    }
}
