package id.go.dukcapil.ikd.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.ComplaintUpdatedV2;
import id.go.dukcapil.ikd.events.DeactivationLinkIssuedV2;
import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.messaging.PoisonEventException;
import id.go.dukcapil.ikd.notification.delivery.SealedSecretsOpener;
import id.go.dukcapil.ikd.notification.domain.Contact;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.domain.NotificationKind;
import id.go.dukcapil.ikd.notification.domain.SourceEvent;
import id.go.dukcapil.ikd.notification.mapping.TemplateModels;
import id.go.dukcapil.ikd.notification.repository.NotificationRepository;
import id.go.dukcapil.ikd.web.Languages;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The rules of notification: which events produce which messages, and the messages a
 * registration has had. Messages are recorded in the consumer's transaction and sent later by the
 * {@link Dispatcher}, so a slow SMTP server never holds a Kafka partition; what each attempt's
 * outcome means is {@link DeliveryOutcomes}'.
 *
 * <p>The messages of activation-service's events go to a {@link Contact}: the one the event carried
 * ({@code .v1}) or the one {@link RecipientBook} recorded ({@code .v2}); the consumer picks.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationRepository repository;
    private final NotificationLedger ledger;
    private final TemplateModels models;
    private final SealedSecretsOpener opener;
    private final ObjectMapper json;
    private final RecipientBook recipients;

    public NotificationService(NotificationRepository repository, NotificationLedger ledger, TemplateModels models,
            SealedSecretsOpener opener, ObjectMapper json, RecipientBook recipients) {
        this.repository = repository;
        this.ledger = ledger;
        this.models = models;
        this.opener = opener;
        this.json = json;
        this.recipients = recipients;
    }

    // --- recording: each runs inside the transaction that records the event in the inbox

    public Uni<Void> onRegistrationSubmitted(RegistrationSubmitted event, SourceEvent source) {
        String language = Languages.normalise(event.language());
        return recipients.onSubmitted(event)
                .chain(() -> queue(source, event.registrationId(), NotificationKind.REGISTRATION_RECEIVED,
                        NotificationChannel.EMAIL, event.email(), language, models.registrationReceived(event, language)));
    }

    /**
     * A rejection, of any version, to the contact the consumer found: a {@code .v1}'s own, a
     * {@code .v2}'s or {@code .v3}'s recorded one. (An approval sends nothing by itself: activation-service's
     * ActivationCodeIssued brings the PIN email; the consumer does not come here for it.)
     */
    public Uni<Void> onVerificationRejected(VerificationDecidedV3 event, Contact contact, SourceEvent source) {
        String language = contact.language();
        Map<String, String> model = models.verificationRejected(event, language);
        return recipients.onEnded(event.registrationId(), event.decidedAt()).chain(() -> queue(source, event.registrationId(), NotificationKind.VERIFICATION_REJECTED, NotificationChannel.EMAIL,
                contact.email(), language, model)
                .chain(() -> queue(source, event.registrationId(), NotificationKind.VERIFICATION_REJECTED,
                        NotificationChannel.SMS, contact.phone(), language, model)));
    }

    public Uni<Void> onActivationCodeIssued(ActivationCodeIssuedV2 event, Contact contact, SourceEvent source) {
        try {
            // checked now so that a code sealed to another key goes to the dead-letter topic at once
            opener.open(event.sealedSecrets());
        } catch (SealedSecretsOpener.UnreadableSecretsException e) {
            throw new PoisonEventException(e.getMessage());
        }
        String language = contact.language();
        Notification email = Notification.pending(event.registrationId(), source, NotificationKind.ACTIVATION_CODE,
                NotificationChannel.EMAIL, contact.email(), language,
                write(models.activationCode(event, language)), Instant.now());
        email.fallbackRecipient = contact.phone();
        email.expiresAt = event.expiresAt();
        return supersedeUndeliveredCodes(event.registrationId(), source).chain(() -> queue(email));
    }

    /**
     * A new code kills the previous one (activation-service keeps only the latest), so an older
     * PIN still waiting for SMTP must never reach the citizen after the new one.
     */
    private Uni<Void> supersedeUndeliveredCodes(UUID registrationId, SourceEvent source) {
        Instant now = Instant.now();
        return repository.lockUndeliveredCodes(registrationId, source.id()).chain(undelivered -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Notification notification : undelivered) {
                chain = chain.chain(() -> {
                    notification.failed("SUPERSEDED", now);
                    LOG.infof("%s %s (notification %s) superseded by a newer code", notification.kind,
                            notification.channel, notification.id);
                    return ledger.emit(notification, DeliveryStatus.FAILED, "SUPERSEDED", now);
                });
            }
            return chain;
        });
    }

    /** The link of a self-deactivation from another device: to the identity's email and phone both. */
    public Uni<Void> onDeactivationLinkIssued(DeactivationLinkIssuedV2 event, Contact contact, SourceEvent source) {
        try {
            opener.openDeactivationLink(event.sealedLink());
        } catch (SealedSecretsOpener.UnreadableSecretsException e) {
            throw new PoisonEventException(e.getMessage());
        }
        String language = contact.language();
        String model = write(models.deactivationLink(event, language));
        Instant now = Instant.now();
        Notification email = Notification.pending(event.registrationId(), source, NotificationKind.DEACTIVATION_LINK,
                NotificationChannel.EMAIL, contact.email(), language, model, now);
        Notification sms = Notification.pending(event.registrationId(), source, NotificationKind.DEACTIVATION_LINK,
                NotificationChannel.SMS, contact.phone(), language, model, now);
        email.expiresAt = event.expiresAt();
        sms.expiresAt = event.expiresAt();
        return queue(email).chain(() -> queue(sms));
    }

    public Uni<Void> onIdentityActivated(IdentityActivatedV2 event, Contact contact, SourceEvent source) {
        String language = contact.language();
        return recipients.onActivated(event.registrationId(), event.activatedAt())
                .chain(() -> queue(source, event.registrationId(), NotificationKind.IDENTITY_ACTIVATED,
                        NotificationChannel.EMAIL, contact.email(), language, models.identityActivated(event, language)));
    }

    public Uni<Void> onIdentityRevoked(IdentityRevokedV2 event, Contact contact, SourceEvent source) {
        String language = contact.language();
        Map<String, String> model = models.identityRevoked(event, language);
        return recipients.onEnded(event.registrationId(), event.revokedAt())
                .chain(() -> queue(source, event.registrationId(), NotificationKind.IDENTITY_REVOKED,
                        NotificationChannel.EMAIL, contact.email(), language, model))
                .chain(() -> queue(source, event.registrationId(), NotificationKind.IDENTITY_REVOKED,
                        NotificationChannel.SMS, contact.phone(), language, model));
    }

    /**
     * A contact corrected at the counter: the previous email/phone (where it changed) is warned,
     * the new one confirmed; the fresh PIN comes with activation-service's ActivationCodeIssued.
     */
    public Uni<Void> onContactCorrected(ContactCorrected event, SourceEvent source) {
        String language = Languages.normalise(event.language());
        Map<String, String> model = models.contactCorrected(event, language);
        UUID registration = event.registrationId();
        Uni<Void> chain = recipients.onCorrected(event);
        if (event.emailChanged()) {
            chain = chain.chain(() -> queue(source, registration, NotificationKind.CONTACT_CHANGED,
                    NotificationChannel.EMAIL, event.previousEmail(), language, model))
                    .chain(() -> queue(source, registration, NotificationKind.CONTACT_CONFIRMED,
                            NotificationChannel.EMAIL, event.email(), language, model));
        }
        if (event.phoneChanged()) {
            chain = chain.chain(() -> queue(source, registration, NotificationKind.CONTACT_CHANGED,
                    NotificationChannel.SMS, event.previousPhone(), language, model))
                    .chain(() -> queue(source, registration, NotificationKind.CONTACT_CONFIRMED,
                            NotificationChannel.SMS, event.phone(), language, model));
        }
        return chain;
    }

    /**
     * A complaint filed (its ticket number), moved on, or closed (the answer): to the email and the
     * phone the citizen gave, whichever they gave. The complaint's id stands where a registration's would.
     */
    public Uni<Void> onComplaintUpdated(ComplaintUpdatedV2 event, SourceEvent source) {
        String language = Languages.normalise(event.language());
        NotificationKind kind = switch (event.status()) {
            case "RECEIVED" -> NotificationKind.COMPLAINT_RECEIVED;
            case "CLOSED" -> NotificationKind.COMPLAINT_ANSWERED;
            default -> NotificationKind.COMPLAINT_STATUS;
        };
        Map<String, String> model = models.complaint(event, language);
        Uni<Void> email = event.email() == null ? Uni.createFrom().voidItem()
                : queue(source, event.complaintId(), kind, NotificationChannel.EMAIL, event.email(), language, model);
        return email.chain(() -> event.phone() == null ? Uni.createFrom().voidItem()
                : queue(source, event.complaintId(), kind, NotificationChannel.SMS, event.phone(), language, model));
    }

    private Uni<Void> queue(SourceEvent source, UUID registrationId, NotificationKind kind, NotificationChannel channel,
            String recipient, String language, Map<String, String> model) {
        return queue(Notification.pending(registrationId, source, kind, channel, recipient, language, write(model),
                Instant.now()));
    }

    private Uni<Void> queue(Notification notification) {
        return ledger.queueIfNew(notification).replaceWithVoid();
    }

    @WithSession
    public Uni<List<Notification>> forRegistration(UUID registrationId) {
        return repository.forRegistration(registrationId);
    }

    private String write(Map<String, String> model) {
        return StoredModels.write(json, model);
    }
}
