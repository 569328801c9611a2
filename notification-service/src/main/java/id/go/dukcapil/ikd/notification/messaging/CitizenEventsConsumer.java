package id.go.dukcapil.ikd.notification.messaging;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.ComplaintUpdated;
import id.go.dukcapil.ikd.events.ComplaintUpdatedV2;
import id.go.dukcapil.ikd.events.DeactivationLinkIssued;
import id.go.dukcapil.ikd.events.DeactivationLinkIssuedV2;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.messaging.CloudEventAttributes;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import id.go.dukcapil.ikd.notification.domain.Contact;
import id.go.dukcapil.ikd.notification.domain.SourceEvent;
import id.go.dukcapil.ikd.notification.service.NotificationService;
import id.go.dukcapil.ikd.notification.service.RecipientBook;
import id.go.dukcapil.ikd.notification.service.VideoCallMessages;
import id.go.dukcapil.ikd.notification.service.WithdrawalCancellations;
import id.go.dukcapil.ikd.web.Languages;
import id.go.dukcapil.ikd.web.Masking;
import io.smallrye.mutiny.Uni;

/**
 * The citizen's journey events, each processed once (platform inbox). The handlers only record
 * what to send; the dispatcher sends, so the partition is never held by SMTP or the SMS gateway.
 *
 * <p>The decision and activation-service's events are read in both contract versions: a {@code .v1}
 * (in flight, or from a producer not yet switched) is sent to the contact it carries, a {@code .v2}
 * to the one {@link RecipientBook} recorded from the registration and its corrections. Complaints
 * come from ikd.verification.complaint, the topic only this service reads, and, from a producer
 * not yet switched, from ikd.verification.
 */
@ApplicationScoped
public class CitizenEventsConsumer {

    static final String CONSUMER = "notification-service";

    private final IdempotentConsumer consumer;
    private final NotificationService service;
    private final WithdrawalCancellations withdrawals;
    private final RecipientBook recipients;
    private final VideoCallMessages videoCalls;

    public CitizenEventsConsumer(IdempotentConsumer consumer, NotificationService service,
            WithdrawalCancellations withdrawals, RecipientBook recipients, VideoCallMessages videoCalls) {
        this.consumer = consumer;
        this.service = service;
        this.withdrawals = withdrawals;
        this.recipients = recipients;
        this.videoCalls = videoCalls;
        EventRouter.declare(CONSUMER); // its routers are built per message (process), its counters at start
    }

    @Incoming("registration-in")
    public Uni<Void> onRegistration(Message<String> message) {
        return process(message);
    }

    @Incoming("verification-in")
    public Uni<Void> onVerification(Message<String> message) {
        return process(message);
    }

    @Incoming("verification-complaint-in")
    public Uni<Void> onComplaint(Message<String> message) {
        return process(message);
    }

    @Incoming("activation-in")
    public Uni<Void> onActivation(Message<String> message) {
        return process(message);
    }

    @Incoming("identity-in")
    public Uni<Void> onIdentity(Message<String> message) {
        return process(message);
    }

    /**
     * The router is built per message because the handlers need the CloudEvents id (the
     * notification's unique key) and the platform's router hands them the event only.
     */
    private Uni<Void> process(Message<String> message) {
        SourceEvent source = new SourceEvent(CloudEventAttributes.id(message).orElse(null),
                CloudEventAttributes.type(message).orElse(null));
        EventRouter router = EventRouter.forConsumer(CONSUMER)
                .on(RegistrationSubmitted.class, event -> service.onRegistrationSubmitted(event, source))
                .on(RegistrationWithdrawn.class, withdrawals::onWithdrawn)
                .on(VerificationDecided.class, event -> decided(event.withoutContact().withoutCard(),
                        () -> Uni.createFrom().item(carried(event.email(), event.phone(),
                                Languages.normalise(event.language()))), source))
                .on(VerificationDecidedV2.class, event -> decided(event.withoutCard(),
                        () -> recorded(event.registrationId(), event.eventType()), source))
                .on(VerificationDecidedV3.class, event -> decided(event,
                        () -> recorded(event.registrationId(), event.eventType()), source))
                .on(ContactCorrected.class, event -> service.onContactCorrected(event, source))
                .on(ComplaintUpdated.class, event -> service.onComplaintUpdated(event.onItsOwnTopic(), source))
                .on(ComplaintUpdatedV2.class, event -> service.onComplaintUpdated(event, source))
                .on(VideoCallBooked.class, event -> videoCalls.onVideoCallBooked(event, source))
                .on(ActivationCodeIssued.class, event -> service.onActivationCodeIssued(event.withoutContact(),
                        carried(event.email(), event.phone(), event.language()), source))
                .on(ActivationCodeIssuedV2.class, event -> recorded(event.registrationId(), event.eventType())
                        .chain(contact -> service.onActivationCodeIssued(event, contact, source)))
                .on(DeactivationLinkIssued.class, event -> service.onDeactivationLinkIssued(event.withoutContact(),
                        carried(event.email(), event.phone(), event.language()), source))
                .on(DeactivationLinkIssuedV2.class, event -> recorded(event.registrationId(), event.eventType())
                        .chain(contact -> service.onDeactivationLinkIssued(event, contact, source)))
                .on(IdentityActivated.class, event -> service.onIdentityActivated(
                        event.withoutContact(Masking.nik(event.attributes().nik())), carried(event.email(), event.phone(), event.language()),
                        source))
                .on(IdentityActivatedV2.class, event -> recorded(event.registrationId(), event.eventType())
                        .chain(contact -> service.onIdentityActivated(event, contact, source)))
                .on(IdentityRevoked.class, event -> service.onIdentityRevoked(event.withoutContact(),
                        carried(event.email(), event.phone(), event.language()), source))
                .on(IdentityRevokedV2.class, event -> recorded(event.registrationId(), event.eventType())
                        .chain(contact -> service.onIdentityRevoked(event, contact, source)))
                .build();
        return consumer.process(message, router);
    }

    /**
     * An approval sends nothing by itself (activation-service's ActivationCodeIssued brings the PIN
     * email), so it needs no recipient: only a rejection looks its contact up.
     */
    private Uni<Void> decided(VerificationDecidedV3 event, Supplier<Uni<Contact>> contact, SourceEvent source) {
        return event.approved() ? Uni.createFrom().voidItem()
                : contact.get().chain(found -> service.onVerificationRejected(event, found, source));
    }

    /** A {@code .v1}'s own contact. */
    private static Contact carried(String email, String phone, String language) {
        return new Contact(email, phone, language);
    }

    /** A {@code .v2}'s registration's recorded contact; none is a dead letter, never a silent drop. */
    private Uni<Contact> recorded(UUID registrationId, EventType type) {
        return recipients.contactOf(registrationId, type);
    }
}
