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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.ComplaintUpdated;
import id.go.dukcapil.ikd.events.DeactivationLinkIssued;
import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.messaging.PoisonEventException;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import id.go.dukcapil.ikd.notification.delivery.DeliveryOutcome;
import id.go.dukcapil.ikd.notification.delivery.SealedSecretsOpener;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.domain.NotificationKind;
import id.go.dukcapil.ikd.notification.mapping.NotificationMapper;
import id.go.dukcapil.ikd.notification.mapping.TemplateModels;
import id.go.dukcapil.ikd.notification.repository.NotificationRepository;
import id.go.dukcapil.ikd.web.Backoff;
import id.go.dukcapil.ikd.web.Languages;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The rules of notification: which events produce which messages, and what each attempt's
 * outcome means (sent, retry later with backoff, failed for good with a fallback). Messages are
 * recorded in the consumer's transaction and sent later by the {@link Dispatcher}, so a slow
 * SMTP server never holds a Kafka partition.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationRepository repository;
    private final Outbox outbox;
    private final UndeliverableReports undeliverable;
    private final TemplateModels models;
    private final SealedSecretsOpener opener;
    private final NotificationConfig config;
    private final Backoff retryBackoff;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    /** Channels whose last attempt on this replica failed transiently (server away). */
    private final Map<NotificationChannel, AtomicBoolean> failing = new EnumMap<>(NotificationChannel.class);

    public NotificationService(NotificationRepository repository, Outbox outbox, UndeliverableReports undeliverable,
            TemplateModels models, SealedSecretsOpener opener, NotificationConfig config, ObjectMapper json,
            MeterRegistry registry) {
        this.registry = registry;
        for (NotificationChannel channel : NotificationChannel.values()) {
            failing.put(channel, new AtomicBoolean());
        }
        this.repository = repository;
        this.outbox = outbox;
        this.undeliverable = undeliverable;
        this.models = models;
        this.opener = opener;
        this.config = config;
        this.retryBackoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        this.json = json;
    }

    // --- recording: each runs inside the transaction that records the event in the inbox

    public Uni<Void> onRegistrationSubmitted(RegistrationSubmitted event, String eventId) {
        String language = Languages.normalise(event.language());
        return queue(eventId, event.registrationId(), NotificationKind.REGISTRATION_RECEIVED, NotificationChannel.EMAIL,
                event.email(), language, models.registrationReceived(event, language));
    }

    /** Approval sends nothing by itself: activation-service's ActivationCodeIssued brings the PIN email. */
    public Uni<Void> onVerificationDecided(VerificationDecided event, String eventId) {
        if (event.approved()) {
            return Uni.createFrom().voidItem();
        }
        String language = Languages.normalise(event.language());
        Map<String, String> model = models.verificationRejected(event, language);
        return queue(eventId, event.registrationId(), NotificationKind.VERIFICATION_REJECTED, NotificationChannel.EMAIL,
                event.email(), language, model)
                .chain(() -> queue(eventId, event.registrationId(), NotificationKind.VERIFICATION_REJECTED,
                        NotificationChannel.SMS, event.phone(), language, model));
    }

    public Uni<Void> onActivationCodeIssued(ActivationCodeIssued event, String eventId) {
        try {
            // checked now so that a code sealed to another key goes to the dead-letter topic at once
            opener.open(event.sealedSecrets());
        } catch (SealedSecretsOpener.UnreadableSecretsException e) {
            throw new PoisonEventException(e.getMessage());
        }
        String language = Languages.normalise(event.language());
        Notification email = Notification.pending(event.registrationId(), eventId, NotificationKind.ACTIVATION_CODE,
                NotificationChannel.EMAIL, event.email(), language,
                write(models.activationCode(event, language)), Instant.now());
        email.fallbackRecipient = event.phone();
        email.expiresAt = event.expiresAt();
        return supersedeUndeliveredCodes(event.registrationId(), eventId).chain(() -> queue(email));
    }

    /**
     * A new code kills the previous one (activation-service keeps only the latest), so an older
     * PIN still waiting for SMTP must never reach the citizen after the new one.
     */
    private Uni<Void> supersedeUndeliveredCodes(UUID registrationId, String eventId) {
        Instant now = Instant.now();
        return repository.lockUndeliveredCodes(registrationId, eventId).chain(undelivered -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Notification notification : undelivered) {
                chain = chain.chain(() -> {
                    notification.failed("SUPERSEDED", now);
                    LOG.infof("%s %s (notification %s) superseded by a newer code", notification.kind,
                            notification.channel, notification.id);
                    return emit(notification, DeliveryStatus.FAILED, "SUPERSEDED", now);
                });
            }
            return chain;
        });
    }

    /** The link of a self-deactivation from another device: to the identity's email and phone both. */
    public Uni<Void> onDeactivationLinkIssued(DeactivationLinkIssued event, String eventId) {
        try {
            opener.openDeactivationLink(event.sealedLink());
        } catch (SealedSecretsOpener.UnreadableSecretsException e) {
            throw new PoisonEventException(e.getMessage());
        }
        String language = Languages.normalise(event.language());
        String model = write(models.deactivationLink(event, language));
        Instant now = Instant.now();
        Notification email = Notification.pending(event.registrationId(), eventId, NotificationKind.DEACTIVATION_LINK,
                NotificationChannel.EMAIL, event.email(), language, model, now);
        Notification sms = Notification.pending(event.registrationId(), eventId, NotificationKind.DEACTIVATION_LINK,
                NotificationChannel.SMS, event.phone(), language, model, now);
        email.expiresAt = event.expiresAt();
        sms.expiresAt = event.expiresAt();
        return queue(email).chain(() -> queue(sms));
    }

    public Uni<Void> onIdentityActivated(IdentityActivated event, String eventId) {
        String language = Languages.normalise(event.language());
        return queue(eventId, event.registrationId(), NotificationKind.IDENTITY_ACTIVATED, NotificationChannel.EMAIL,
                event.email(), language, models.identityActivated(event, language));
    }

    public Uni<Void> onIdentityRevoked(IdentityRevoked event, String eventId) {
        String language = Languages.normalise(event.language());
        Map<String, String> model = models.identityRevoked(event, language);
        return queue(eventId, event.registrationId(), NotificationKind.IDENTITY_REVOKED, NotificationChannel.EMAIL,
                event.email(), language, model)
                .chain(() -> queue(eventId, event.registrationId(), NotificationKind.IDENTITY_REVOKED,
                        NotificationChannel.SMS, event.phone(), language, model));
    }

    /**
     * A contact corrected at the counter: the previous email/phone (where it changed) is warned,
     * the new one confirmed; the fresh PIN comes with activation-service's ActivationCodeIssued.
     */
    public Uni<Void> onContactCorrected(ContactCorrected event, String eventId) {
        String language = Languages.normalise(event.language());
        Map<String, String> model = models.contactCorrected(event, language);
        UUID registration = event.registrationId();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (event.emailChanged()) {
            chain = chain.chain(() -> queue(eventId, registration, NotificationKind.CONTACT_CHANGED,
                    NotificationChannel.EMAIL, event.previousEmail(), language, model))
                    .chain(() -> queue(eventId, registration, NotificationKind.CONTACT_CONFIRMED,
                            NotificationChannel.EMAIL, event.email(), language, model));
        }
        if (event.phoneChanged()) {
            chain = chain.chain(() -> queue(eventId, registration, NotificationKind.CONTACT_CHANGED,
                    NotificationChannel.SMS, event.previousPhone(), language, model))
                    .chain(() -> queue(eventId, registration, NotificationKind.CONTACT_CONFIRMED,
                            NotificationChannel.SMS, event.phone(), language, model));
        }
        return chain;
    }

    /**
     * A complaint filed (its ticket number), moved on, or closed (the answer): to the email and the
     * phone the citizen gave, whichever they gave. The complaint's id stands where a registration's would.
     */
    public Uni<Void> onComplaintUpdated(ComplaintUpdated event, String eventId) {
        String language = Languages.normalise(event.language());
        NotificationKind kind = switch (event.status()) {
            case "RECEIVED" -> NotificationKind.COMPLAINT_RECEIVED;
            case "CLOSED" -> NotificationKind.COMPLAINT_ANSWERED;
            default -> NotificationKind.COMPLAINT_STATUS;
        };
        Map<String, String> model = models.complaint(event, language);
        Uni<Void> email = event.email() == null ? Uni.createFrom().voidItem()
                : queue(eventId, event.complaintId(), kind, NotificationChannel.EMAIL, event.email(), language, model);
        return email.chain(() -> event.phone() == null ? Uni.createFrom().voidItem()
                : queue(eventId, event.complaintId(), kind, NotificationChannel.SMS, event.phone(), language, model));
    }

    private Uni<Void> queue(String eventId, UUID registrationId, NotificationKind kind, NotificationChannel channel,
            String recipient, String language, Map<String, String> model) {
        return queue(Notification.pending(registrationId, eventId, kind, channel, recipient, language, write(model),
                Instant.now()));
    }

    private Uni<Void> queue(Notification notification) {
        return queueIfNew(notification).replaceWithVoid();
    }

    /** The inbox already drops a redelivered event; the unique key check covers a purged inbox. */
    private Uni<Boolean> queueIfNew(Notification notification) {
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

    // --- dispatching

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
                yield emit(notification, DeliveryStatus.SENT, null, now)
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
                yield emit(notification, DeliveryStatus.RETRYING, failure.reason(), now);
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

    @WithSession
    public Uni<List<Notification>> forRegistration(UUID registrationId) {
        return repository.forRegistration(registrationId);
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
        return emit(notification, DeliveryStatus.FAILED, reason, now)
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
        Notification sms = Notification.pending(notification.registrationId, notification.sourceEventId,
                notification.kind, NotificationChannel.SMS, notification.fallbackRecipient, notification.language,
                notification.content, now);
        sms.expiresAt = notification.expiresAt;
        return queueIfNew(sms).map(queued -> queued ? sms.id : null);
    }

    private Uni<Void> reportUndeliverable(Notification notification, UUID fallbackId, Instant now) {
        LOG.warnf("%s %s to %s (notification %s, registration %s) is reported undeliverable on %s: %s",
                notification.kind, notification.channel, NotificationMapper.maskedRecipient(notification),
                notification.id, notification.registrationId, undeliverable.topic(), notification.lastError);
        return undeliverable.append(NotificationMapper.toUndeliverableReport(notification, fallbackId, now)).replaceWithVoid();
    }

    private Uni<Void> emit(Notification notification, DeliveryStatus status, String reason, Instant now) {
        registry.counter("ikd.notifications", "kind", notification.kind.name(), "channel",
                notification.channel.name(), "status", status.name()).increment();
        return outbox.append(NotificationMapper.toStatus(notification, status, reason, now)).replaceWithVoid();
    }

    /** Exponential: initial, 2×, 4×, … capped at the maximum. */
    Duration backoff(int attempts) {
        return retryBackoff.delay(attempts);
    }

    private String write(Map<String, String> model) {
        try {
            return json.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template model not serialisable", e);
        }
    }
}
