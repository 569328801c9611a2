package id.go.dukcapil.ikd.registration.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.CentralReviewChanged;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import id.go.dukcapil.ikd.registration.service.JourneyService;
import io.smallrye.mutiny.Uni;

/**
 * The rest of the journey, as the other services publish it, onto the citizen's timeline. The
 * decision and the events of activation-service are read in every contract version ({@code .v1}
 * with contact, {@code .v2} without; the decision's {@code .v3} also without registry attributes)
 * while their producers move from one to the next; the timeline reads neither contact nor
 * attributes.
 */
@ApplicationScoped
public class JourneyConsumers {

    private final IdempotentConsumer consumer;
    private final EventRouter verification;
    private final EventRouter activation;
    private final EventRouter identity;
    private final EventRouter notification;

    public JourneyConsumers(IdempotentConsumer consumer, JourneyService journey) {
        this.consumer = consumer;
        this.verification = EventRouter.forConsumer("timeline-verification")
                .on(VerificationDecided.class, event -> journey.onDecided(event.withoutContact().withoutCard()))
                .on(VerificationDecidedV2.class, event -> journey.onDecided(event.withoutCard()))
                .on(VerificationDecidedV3.class, journey::onDecided)
                .on(CentralReviewChanged.class, journey::onCentralReview)
                .on(VideoCallBooked.class, journey::onVideoCallBooked)
                .on(ContactCorrected.class, journey::onContactCorrected).build();
        this.activation = EventRouter.forConsumer("timeline-activation")
                .on(ActivationCodeIssued.class, event -> journey.onActivationCodeIssued(event.registrationId()))
                .on(ActivationCodeIssuedV2.class, event -> journey.onActivationCodeIssued(event.registrationId()))
                .build();
        this.identity = EventRouter.forConsumer("timeline-identity")
                .on(IdentityActivated.class, event -> journey.onActivated(event.registrationId(), event.activatedAt()))
                .on(IdentityActivatedV2.class, event -> journey.onActivated(event.registrationId(), event.activatedAt()))
                .on(IdentityRevoked.class, event -> journey.onRevoked(event.withoutContact()))
                .on(IdentityRevokedV2.class, journey::onRevoked).build();
        this.notification = EventRouter.forConsumer("timeline-notification")
                .on(NotificationStatus.class, journey::onNotification).build();
    }

    @Incoming("verification-in")
    Uni<Void> onVerification(Message<String> message) {
        return consumer.process(message, verification);
    }

    @Incoming("activation-in")
    Uni<Void> onActivation(Message<String> message) {
        return consumer.process(message, activation);
    }

    @Incoming("identity-in")
    Uni<Void> onIdentity(Message<String> message) {
        return consumer.process(message, identity);
    }

    @Incoming("notification-in")
    Uni<Void> onNotification(Message<String> message) {
        return consumer.process(message, notification);
    }
}
