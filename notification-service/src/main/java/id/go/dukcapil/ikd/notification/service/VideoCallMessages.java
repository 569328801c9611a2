package id.go.dukcapil.ikd.notification.service;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import id.go.dukcapil.ikd.notification.domain.Contact;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.domain.NotificationKind;
import id.go.dukcapil.ikd.notification.domain.SourceEvent;
import id.go.dukcapil.ikd.notification.mapping.TemplateModels;
import id.go.dukcapil.ikd.notification.repository.NotificationRepository;
import io.smallrye.mutiny.Uni;

/**
 * The messages of a booked video call (issue 18): the confirmation of a slot booked or moved, a
 * reminder before it, and a word when it is cancelled or missed, each by email and SMS to the
 * contact {@link RecipientBook} recorded (the booking event carries none). A change of the booking
 * drops the reminder still waiting for the old slot. The booking page shows the slot itself, so
 * these messages are a courtesy: with no recipient recorded they are skipped, not dead-lettered.
 */
@ApplicationScoped
public class VideoCallMessages {

    /** Why a waiting reminder was dropped; not sent, so nothing is announced. */
    static final String BOOKING_CHANGED = "BOOKING_CHANGED";

    private static final Logger LOG = Logger.getLogger(VideoCallMessages.class);

    private final RecipientBook recipients;
    private final NotificationRepository repository;
    private final NotificationLedger ledger;
    private final TemplateModels models;
    private final NotificationConfig config;
    private final ObjectMapper json;

    public VideoCallMessages(RecipientBook recipients, NotificationRepository repository, NotificationLedger ledger,
            TemplateModels models, NotificationConfig config, ObjectMapper json) {
        this.recipients = recipients;
        this.repository = repository;
        this.ledger = ledger;
        this.models = models;
        this.config = config;
        this.json = json;
    }

    /** In the consumer's inbox transaction. */
    public Uni<Void> onVideoCallBooked(VideoCallBooked event, SourceEvent source) {
        Instant now = Instant.now();
        return dropWaitingReminders(event, source, now)
                .chain(() -> recipients.findContact(event.registrationId()))
                .chain(contact -> contact.map(found -> queue(event, source, found, now)).orElseGet(() -> {
                    LOG.infof("video-call booking %s of registration %s: no recipient recorded, no message",
                            event.bookingId(), event.registrationId());
                    return Uni.createFrom().voidItem();
                }));
    }

    private Uni<Void> queue(VideoCallBooked event, SourceEvent source, Contact contact, Instant now) {
        String content = write(models.videoCallBooking(event, contact.language()));
        NotificationKind kind = switch (event.status()) {
            case BOOKED, MOVED -> NotificationKind.VIDEO_CALL_BOOKED;
            case CANCELLED -> NotificationKind.VIDEO_CALL_CANCELLED;
            case NO_SHOW -> NotificationKind.VIDEO_CALL_MISSED;
        };
        Uni<Void> messages = both(source, event, kind, contact, content, now, Optional.empty());
        Instant remindAt = event.slotStart().minus(config.videoCall().reminderBefore());
        if (kind == NotificationKind.VIDEO_CALL_BOOKED && remindAt.isAfter(now)) {
            messages = messages.chain(() -> both(source, event, NotificationKind.VIDEO_CALL_REMINDER, contact, content,
                    now, Optional.of(remindAt)));
        }
        return messages;
    }

    /** Email and SMS; a reminder waits until {@code remindAt} and is void once the slot begins. */
    private Uni<Void> both(SourceEvent source, VideoCallBooked event, NotificationKind kind, Contact contact, String content,
            Instant now, Optional<Instant> remindAt) {
        Notification email = Notification.pending(event.registrationId(), source, kind, NotificationChannel.EMAIL,
                contact.email(), contact.language(), content, now);
        Notification sms = Notification.pending(event.registrationId(), source, kind, NotificationChannel.SMS,
                contact.phone(), contact.language(), content, now);
        remindAt.ifPresent(at -> {
            for (Notification notification : new Notification[] { email, sms }) {
                notification.nextAttemptAt = at;
                notification.expiresAt = event.slotStart();
            }
        });
        return ledger.queueIfNew(email).chain(() -> ledger.queueIfNew(sms)).replaceWithVoid();
    }

    /** Any change of the booking (moved, cancelled, missed, or booked anew) voids the reminder of the slot before. */
    private Uni<Void> dropWaitingReminders(VideoCallBooked event, SourceEvent source, Instant now) {
        return repository.lockWaiting(event.registrationId(), NotificationKind.VIDEO_CALL_REMINDER, source.id())
                .invoke(waiting -> waiting.forEach(reminder -> reminder.failed(BOOKING_CHANGED, now)))
                .replaceWithVoid();
    }

    private String write(Map<String, String> model) {
        return StoredModels.write(json, model);
    }
}
