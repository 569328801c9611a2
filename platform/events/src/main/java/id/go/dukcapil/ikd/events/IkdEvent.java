package id.go.dukcapil.ikd.events;

/**
 * An event of the IKD activation journey. The set is closed: a new event is a new record here,
 * a new {@link EventType} constant and a new JSON Schema.
 */
public sealed interface IkdEvent
        permits RegistrationSubmitted, RegistrationWithdrawn, CounterCodeIssued, VerificationDecided, ActivationCodeIssued,
        IdentityActivated, IdentityRevoked, NotificationStatus, TokenVerified, DeactivationLinkIssued,
        CentralReviewChanged, ContactCorrected, ComplaintUpdated, VideoCallBooked,
        ActivationCodeIssuedV2, DeactivationLinkIssuedV2, IdentityActivatedV2, IdentityRevokedV2,
        VerificationDecidedV2, VerificationDecidedV3, CardApproved, ComplaintUpdatedV2 {

    /**
     * The Kafka record key. The registration id for every journey event, so that one citizen's
     * events land on one partition and stay in order.
     */
    String partitionKey();

    /** The contract this event belongs to: CloudEvents type, topic and schema. */
    default EventType eventType() {
        return EventType.of(getClass());
    }
}
