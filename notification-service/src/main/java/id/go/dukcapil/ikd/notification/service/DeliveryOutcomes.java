package id.go.dukcapil.ikd.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import id.go.dukcapil.ikd.notification.delivery.DeliveryOutcome;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.mapping.NotificationMapper;
import id.go.dukcapil.ikd.notification.repository.NotificationRepository;
import id.go.dukcapil.ikd.web.Backoff;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The rules of delivery, for the {@link Dispatcher}: claiming due messages, and what each
 * attempt's outcome means (sent, retry later with backoff, failed for good with a fallback and a
 * report), each in its own transaction; and taking over attempts whose dispatcher is gone.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    private final NotificationRepository repository;
    private final NotificationLedger ledger;
    private final UndeliverableReports undeliverable;
    private final NotificationConfig config;
    private final Backoff retryBackoff;
    /** Channels whose last attempt on this replica failed transiently (server away). */
    private final Map<NotificationChannel, AtomicBoolean> failing = new EnumMap<>(NotificationChannel.class);

    public DeliveryOutcomes(NotificationRepository repository, NotificationLedger ledger,
            UndeliverableReports undeliverable, NotificationConfig config) {
        for (NotificationChannel channel : NotificationChannel.values()) {
            failing.put(channel, new AtomicBoolean());
        }
        this.repository = repository;
        this.ledger = ledger;
        this.undeliverable = undeliverable;
        this.config = config;
        this.retryBackoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
    }

    /** Claims up to {@code limit} due messages for one dispatcher round; they are SENDING (leased) once this commits. */
    @WithTransaction
    public Uni<List<Notification>> claimDue(int limit) {
        Instant now = Instant.now();
        return repository.lockDue(now, limit)
                .invoke(due -> due.forEach(notification -> notification.startAttempt(now)));
    }

    /** Records one attempt's outcome and emits its NotificationStatus, in one transaction. */
    @WithTransaction
    public Uni<Void> recordOutcome(UUID notificationId, DeliveryOutcome outcome) {
        Instant now = Instant.now();
        return repository.findById(notificationId).chain(notification -> {
            if (notification == null || !notification.awaitsOutcome(outcome instanceof DeliveryOutcome.Sent)) {
                // recorded already (an outcome kept through a database outage, or a taken-over lease)
                return Uni.createFrom().voidItem();
            }
            return record(notification, outcome, now);
        });
    }

    private Uni<Void> record(Notification notification, DeliveryOutcome outcome, Instant now) {
        return switch (outcome) {
            case DeliveryOutcome.Sent ignored -> {
                notification.sent(now);
                LOG.infof("sent %s %s to %s (notification %s, attempt %d)", notification.kind, notification.channel,
                        NotificationMapper.maskedRecipient(notification), notification.id, notification.attempts);
                yield ledger.emit(notification, DeliveryStatus.SENT, null, now)
                        .chain(() -> channelRecovered(notification.channel, now));
            }
            case DeliveryOutcome.Transient failure -> {
                Instant next = now.plus(backoff(notification.attempts));
                if (notification.attempts >= config.retry().maxAttempts()) {
                    yield failForGood(notification, "RETRIES_EXHAUSTED: " + failure.reason(), now, true);
                }
                if (notification.expiredAt(next)) {
                    // the outage outlasted the message's validity: the retries ran out early
                    yield failForGood(notification, "EXPIRED: " + failure.reason(), now, true);
                }
                failing.get(notification.channel).set(true);
                notification.retryAt(next, failure.reason(), now);
                LOG.warnf("%s %s to %s failed (%s), attempt %d, next at %s", notification.kind, notification.channel,
                        NotificationMapper.maskedRecipient(notification), failure.reason(), notification.attempts, next);
                yield ledger.emit(notification, DeliveryStatus.RETRYING, failure.reason(), now);
            }
            case DeliveryOutcome.Permanent refusal -> failForGood(notification, refusal.reason(), now, false);
        };
    }

    /**
     * The first success on a channel after transient failures means the server is back: the
     * messages waiting out their backoff go now, so an outage drains within a round of its end.
     */
    private Uni<Void> channelRecovered(NotificationChannel channel, Instant now) {
        if (!failing.get(channel).getAndSet(false)) {
            return Uni.createFrom().voidItem();
        }
        return repository.retryNow(channel, now).invoke(count -> {
            if (count > 0) {
                LOG.infof("%s is back: %d waiting messages retried now", channel, count);
            }
        }).replaceWithVoid();
    }

    /**
     * Leases whose owner died between claiming and recording (or whose outcome could not be
     * recorded by a process that is gone): they become due again and are sent once more, under the
     * same Message-ID and SMS idempotency key. Leases this replica still holds an outcome for
     * ({@code stillRecording}) are left alone. Returns how many were taken over.
     */
    @WithTransaction
    public Uni<Integer> takeOverAbandonedAttempts(Set<UUID> stillRecording) {
        Instant now = Instant.now();
        return repository.lockStale(now.minus(config.dispatch().lease()), config.dispatch().concurrency() * 10)
                .chain(stale -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    int taken = 0;
                    for (Notification notification : stale) {
                        if (stillRecording.contains(notification.id)) {
                            continue;
                        }
                        taken++;
                        if (notification.attempts >= config.retry().maxAttempts()) {
                            chain = chain.chain(() -> failForGood(notification, "RETRIES_EXHAUSTED: LEASE_EXPIRED", now,
                                    true));
                            continue;
                        }
                        chain = chain.invoke(() -> {
                            notification.retryAt(now, "LEASE_EXPIRED", now);
                            LOG.warnf("%s %s to %s (notification %s): attempt %d was abandoned; taken over and sent again",
                                    notification.kind, notification.channel,
                                    NotificationMapper.maskedRecipient(notification), notification.id,
                                    notification.attempts);
                        });
                    }
                    return chain.replaceWith(taken);
                });
    }

    /**
     * FAILED for good, in one transaction: the status, the SMS in its place where the kind has
     * one, and an undeliverable report for ops. A refusal (mailbox unknown, invalid number) is
     * reported only when no SMS takes over; running out of retries always is: the SMTP server or gateway
     * was down for the whole retry window, which ops must hear of even when the SMS got through.
     */
    private Uni<Void> failForGood(Notification notification, String reason, Instant now, boolean retriesRanOut) {
        notification.failed(reason, now);
        LOG.warnf("%s %s to %s failed for good: %s (notification %s)", notification.kind, notification.channel,
                NotificationMapper.maskedRecipient(notification), reason, notification.id);
        return ledger.emit(notification, DeliveryStatus.FAILED, reason, now)
                .chain(() -> queueFallback(notification, now))
                .chain(fallbackId -> fallbackId == null || retriesRanOut
                        ? reportUndeliverable(notification, fallbackId, now)
                        : Uni.createFrom().voidItem());
    }

    /** Queues the SMS that replaces an email failed for good, where the kind has one; its id, else null. */
    private Uni<UUID> queueFallback(Notification notification, Instant now) {
        if (!notification.kind.fallsBackToSms() || notification.channel != NotificationChannel.EMAIL
                || notification.fallbackRecipient == null || notification.expiredAt(now)) {
            return Uni.createFrom().nullItem();
        }
        Notification sms = Notification.pending(notification.registrationId, notification.source(),
                notification.kind, NotificationChannel.SMS, notification.fallbackRecipient, notification.language,
                notification.content, now);
        sms.expiresAt = notification.expiresAt;
        return ledger.queueIfNew(sms).map(queued -> queued ? sms.id : null);
    }

    private Uni<Void> reportUndeliverable(Notification notification, UUID fallbackId, Instant now) {
        LOG.warnf("%s %s to %s (notification %s, registration %s) is reported undeliverable on %s: %s",
                notification.kind, notification.channel, NotificationMapper.maskedRecipient(notification),
                notification.id, notification.registrationId, undeliverable.topic(), notification.lastError);
        return undeliverable.append(NotificationMapper.toUndeliverableReport(notification, fallbackId, now)).replaceWithVoid();
    }

    /** Exponential: initial, 2×, 4×, … capped at the maximum. */
    Duration backoff(int attempts) {
        return retryBackoff.delay(attempts);
    }
}
