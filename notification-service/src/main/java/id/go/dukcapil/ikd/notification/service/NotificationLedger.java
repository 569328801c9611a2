package id.go.dukcapil.ikd.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.mapping.NotificationMapper;
import id.go.dukcapil.ikd.notification.repository.NotificationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * What recording a message and its fate means, wherever it happens: a message is queued once per
 * event, channel and kind ({@link NotificationService}, and the SMS fallback of
 * {@link DeliveryOutcomes}), and every status a message reaches is counted and emitted as
 * NotificationStatus through the outbox. Runs in the caller's transaction.
 */
@ApplicationScoped
public class NotificationLedger {

    private static final Logger LOG = Logger.getLogger(NotificationLedger.class);

    private final NotificationRepository repository;
    private final Outbox outbox;
    private final MeterRegistry registry;

    public NotificationLedger(NotificationRepository repository, Outbox outbox, MeterRegistry registry) {
        this.repository = repository;
        this.outbox = outbox;
        this.registry = registry;
    }

    /** The inbox already drops a redelivered event; the unique key check covers a purged inbox. */
    Uni<Boolean> queueIfNew(Notification notification) {
        return repository.exists(notification.sourceEventId, notification.channel, notification.kind)
                .chain(exists -> {
                    if (exists) {
                        return Uni.createFrom().item(false);
                    }
                    LOG.infof("queued %s %s to %s (registration %s)", notification.kind, notification.channel,
                            NotificationMapper.maskedRecipient(notification), notification.registrationId);
                    return repository.persist(notification).replaceWith(true);
                });
    }

    Uni<Void> emit(Notification notification, DeliveryStatus status, String reason, Instant now) {
        registry.counter("ikd.notifications", "kind", notification.kind.name(), "channel",
                notification.channel.name(), "status", status.name()).increment();
        return outbox.append(NotificationMapper.toStatus(notification, status, reason, now)).replaceWithVoid();
    }
}
