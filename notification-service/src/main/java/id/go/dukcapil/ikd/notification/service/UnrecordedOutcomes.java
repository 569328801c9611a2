package id.go.dukcapil.ikd.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.notification.delivery.DeliveryOutcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Outcomes of sends that happened while the database could not record them. They are recorded
 * as soon as it can (at the start of every dispatcher round and reconciliation), so a message
 * that reached the citizen during a database blip ends SENT, not FAILED; and their rows are not
 * taken over meanwhile, so they are not sent twice by this replica's own rounds.
 */
@ApplicationScoped
class UnrecordedOutcomes {

    private static final Logger LOG = Logger.getLogger(UnrecordedOutcomes.class);

    private final BiFunction<UUID, DeliveryOutcome, Uni<Void>> recorder;
    private final Map<UUID, DeliveryOutcome> pending = new ConcurrentHashMap<>();

    @Inject
    UnrecordedOutcomes(DeliveryOutcomes outcomes, MeterRegistry registry) {
        this(outcomes::recordOutcome, registry);
    }

    UnrecordedOutcomes(BiFunction<UUID, DeliveryOutcome, Uni<Void>> recorder, MeterRegistry registry) {
        this.recorder = recorder;
        Gauge.builder("ikd.notifications.unrecorded", pending, Map::size)
                .description("sent or attempted messages whose outcome waits for the database").register(registry);
    }

    void keep(UUID notificationId, DeliveryOutcome outcome) {
        pending.put(notificationId, outcome);
    }

    Set<UUID> ids() {
        return Set.copyOf(pending.keySet());
    }

    /** Records what is kept, one at a time; stops at the first failure (the database is still away). */
    Uni<Void> recordPending() {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<UUID, DeliveryOutcome>> entries = new ArrayList<>(pending.entrySet());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, DeliveryOutcome> entry : entries) {
            chain = chain.chain(() -> recorder.apply(entry.getKey(), entry.getValue())
                    .invoke(() -> {
                        pending.remove(entry.getKey());
                        LOG.infof("outcome of notification %s recorded after the database came back", entry.getKey());
                    }));
        }
        return chain.onFailure().recoverWithNull().replaceWithVoid();
    }
}
