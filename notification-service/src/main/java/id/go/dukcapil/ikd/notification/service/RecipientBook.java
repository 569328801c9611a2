package id.go.dukcapil.ikd.notification.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.messaging.AwaitedEventException;
import id.go.dukcapil.ikd.notification.domain.Contact;
import id.go.dukcapil.ikd.notification.repository.RecipientRepository;
import id.go.dukcapil.ikd.web.Languages;
import io.smallrye.mutiny.Uni;

/**
 * notification-service's own record of whom to write to about a registration, so that the events
 * after the submission need not carry the contact. Written from RegistrationSubmitted, replaced by
 * ContactCorrected; whichever is read first, the newer contact (by the event's own time) stays.
 * Every method runs in the consumer's inbox transaction.
 */
@ApplicationScoped
public class RecipientBook {

    /** The dead-letter reason of a {@code .v2} event for a registration with no recipient. */
    public static final String RECIPIENT_UNKNOWN = "RECIPIENT_UNKNOWN";

    private static final Logger LOG = Logger.getLogger(RecipientBook.class);

    private final RecipientRepository recipients;

    public RecipientBook(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    public Uni<Void> onSubmitted(RegistrationSubmitted event) {
        return record(event.registrationId(), event.email(), event.phone(), event.language(), event.submittedAt());
    }

    public Uni<Void> onCorrected(ContactCorrected event) {
        return record(event.registrationId(), event.email(), event.phone(), event.language(), event.correctedAt());
    }

    private Uni<Void> record(UUID registrationId, String email, String phone, String language, Instant contactAt) {
        return recipients.record(registrationId, email, phone, Languages.normalise(language), contactAt, Instant.now())
                .invoke(written -> {
                    if (written == 0) {
                        LOG.infof("registration %s: a newer contact is already recorded, the one of %s stays",
                                registrationId, contactAt);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The recorded contact, for an event that carries none. None recorded yet is usually a
     * submission not read yet: topics are not ordered with each other, and after a lag or a replay the
     * PIN's event can come before it, so the event waits, retried in place, for
     * {@code ikd.messaging.consumer.await-other-event} ({@link AwaitedEventException}). Still none (a
     * registration submitted before this record existed, or whose submission was never read) is no
     * reason to drop a PIN silently: the event goes to the dead-letter topic with
     * {@link #RECIPIENT_UNKNOWN}, to be replayed once the contact is known (docs/operations.md, Upgrade).
     */
    public Uni<Contact> contactOf(UUID registrationId, EventType type) {
        return recipients.findById(registrationId).map(recipient -> {
            if (recipient == null) {
                throw new AwaitedEventException(RECIPIENT_UNKNOWN + ": no recipient recorded for registration "
                        + registrationId + ", and " + type.type() + " carries no contact");
            }
            return recipient.contact();
        });
    }

    /** The recorded contact, if any: for messages that are a courtesy, which a missing recipient only skips. */
    public Uni<Optional<Contact>> findContact(UUID registrationId) {
        return recipients.findById(registrationId)
                .map(recipient -> Optional.ofNullable(recipient).map(found -> found.contact()));
    }

    /** The identity lives: messages can come until it is revoked. */
    public Uni<Void> onActivated(UUID registrationId, Instant at) {
        return recipients.markActivated(registrationId, at).replaceWithVoid();
    }

    /** Rejected, withdrawn, expired, superseded or revoked: the retention period starts. */
    public Uni<Void> onEnded(UUID registrationId, Instant at) {
        return recipients.markEnded(registrationId, at).replaceWithVoid();
    }

    /** The citizen withdrew the registration (UU PDP erasure): the contact goes at once. */
    public Uni<Void> erase(UUID registrationId) {
        return recipients.erase(registrationId).replaceWithVoid();
    }
}
