package id.go.dukcapil.ikd.messaging;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A consumer as the real ones are written; its effect is one row per processed event. */
@ApplicationScoped
public class EffectConsumer {

    /** Registrations whose handling fails a few times before it succeeds (a flaky dependency). */
    static final Map<UUID, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    /** Registrations whose handling always fails (a bug, or data that breaks a rule for good). */
    static final Set<UUID> BROKEN = ConcurrentHashMap.newKeySet();
    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    /** Registrations whose handling waits until the test completes their future (work in progress). */
    static final Map<UUID, CompletableFuture<Void>> HELD = new ConcurrentHashMap<>();
    /** Registrations whose handling has started waiting. */
    static final Set<UUID> WAITING = ConcurrentHashMap.newKeySet();

    private final IdempotentConsumer consumer;
    private final EventRouter router = EventRouter.forConsumer("effects")
            .on(RegistrationWithdrawn.class, this::record)
            .build();

    public EffectConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("test-registration")
    Uni<Void> onRegistration(Message<String> message) {
        return consumer.process(message, router);
    }

    private Uni<Void> record(RegistrationWithdrawn event) {
        ATTEMPTS.incrementAndGet();
        CompletableFuture<Void> held = HELD.remove(event.registrationId());
        if (held != null) {
            WAITING.add(event.registrationId());
            io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
            return Uni.createFrom().completionStage(held)
                    .emitOn(command -> context.runOnContext(ignored -> command.run()))
                    .chain(() -> record(event));
        }
        if (BROKEN.contains(event.registrationId())) {
            return Uni.createFrom().failure(new IllegalStateException("cannot handle " + event.registrationId()));
        }
        AtomicInteger failuresLeft = FAILURES_LEFT.get(event.registrationId());
        if (failuresLeft != null && failuresLeft.getAndDecrement() > 0) {
            return Uni.createFrom().failure(new IllegalStateException("flaky dependency"));
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into test_effect (registration_id, event_type) values (?1, ?2)")
                .setParameter(1, event.registrationId())
                .setParameter(2, "withdrawn")
                .executeUpdate())
                .replaceWithVoid();
    }
}
