package id.go.dukcapil.ikd.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contract of each event: its CloudEvents {@code type} (versioned), the topic it is published
 * on, its record class and its JSON Schema.
 */
public enum EventType {

    REGISTRATION_SUBMITTED("registration.submitted.v1", Topics.REGISTRATION, RegistrationSubmitted.class),
    REGISTRATION_WITHDRAWN("registration.withdrawn.v1", Topics.REGISTRATION, RegistrationWithdrawn.class),
    COUNTER_CODE_ISSUED("registration.counter-code-issued.v1", Topics.REGISTRATION, CounterCodeIssued.class),
    VERIFICATION_DECIDED("verification.decided.v1", Topics.VERIFICATION, VerificationDecided.class),
    VERIFICATION_DECIDED_V2("verification.decided.v2", Topics.VERIFICATION, VerificationDecidedV2.class),
    VERIFICATION_DECIDED_V3("verification.decided.v3", Topics.VERIFICATION, VerificationDecidedV3.class),
    CARD_APPROVED("verification.card-approved.v1", Topics.VERIFICATION_CARD, CardApproved.class),
    CENTRAL_REVIEW_CHANGED("verification.central-review-changed.v1", Topics.VERIFICATION, CentralReviewChanged.class),
    CONTACT_CORRECTED("verification.contact-corrected.v1", Topics.VERIFICATION, ContactCorrected.class),
    COMPLAINT_UPDATED("verification.complaint-updated.v1", Topics.VERIFICATION, ComplaintUpdated.class),
    COMPLAINT_UPDATED_V2("verification.complaint-updated.v2", Topics.VERIFICATION_COMPLAINT, ComplaintUpdatedV2.class),
    VIDEO_CALL_BOOKED("verification.video-call-booked.v1", Topics.VERIFICATION, VideoCallBooked.class),
    ACTIVATION_CODE_ISSUED("activation.code-issued.v1", Topics.ACTIVATION, ActivationCodeIssued.class),
    ACTIVATION_CODE_ISSUED_V2("activation.code-issued.v2", Topics.ACTIVATION, ActivationCodeIssuedV2.class),
    DEACTIVATION_LINK_ISSUED("activation.deactivation-link-issued.v1", Topics.ACTIVATION, DeactivationLinkIssued.class),
    DEACTIVATION_LINK_ISSUED_V2("activation.deactivation-link-issued.v2", Topics.ACTIVATION,
            DeactivationLinkIssuedV2.class),
    IDENTITY_ACTIVATED("identity.activated.v1", Topics.IDENTITY, IdentityActivated.class),
    IDENTITY_ACTIVATED_V2("identity.activated.v2", Topics.IDENTITY, IdentityActivatedV2.class),
    IDENTITY_REVOKED("identity.revoked.v1", Topics.IDENTITY, IdentityRevoked.class),
    IDENTITY_REVOKED_V2("identity.revoked.v2", Topics.IDENTITY, IdentityRevokedV2.class),
    NOTIFICATION_STATUS("notification.status.v1", Topics.NOTIFICATION, NotificationStatus.class),
    TOKEN_VERIFIED("token.verified.v1", Topics.TOKEN, TokenVerified.class);

    /** Prefix of every CloudEvents type; also the CloudEvents {@code source} namespace. */
    public static final String TYPE_PREFIX = "id.go.dukcapil.ikd.";

    /** Base of every schema {@code $id}; the CloudEvents {@code dataschema} attribute. */
    public static final String SCHEMA_BASE_URI = "https://dukcapil.kemendagri.go.id/ikd/schemas/";

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<? extends IkdEvent>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::eventClass, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends IkdEvent> eventClass;

    EventType(String typeSuffix, String topic, Class<? extends IkdEvent> eventClass) {
        this.type = TYPE_PREFIX + typeSuffix;
        this.topic = topic;
        this.eventClass = eventClass;
    }

    /** CloudEvents {@code type}, e.g. {@code id.go.dukcapil.ikd.verification.decided.v1}. */
    public String type() {
        return type;
    }

    /** The Kafka topic this event is published on. */
    public String topic() {
        return topic;
    }

    public Class<? extends IkdEvent> eventClass() {
        return eventClass;
    }

    /** Classpath resource of the JSON Schema (draft 2020-12), e.g. {@code schemas/<type>.json}. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /** The schema's {@code $id}, to be sent as the CloudEvents {@code dataschema} attribute. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE_URI + type + ".json");
    }

    public static EventType of(Class<? extends IkdEvent> eventClass) {
        Objects.requireNonNull(eventClass, "eventClass is required");
        EventType eventType = BY_CLASS.get(eventClass);
        if (eventType == null) {
            throw new IllegalArgumentException("Not an IKD event record: " + eventClass.getName());
        }
        return eventType;
    }

    /**
     * Looks up a CloudEvents type. Empty for a type this version does not know (e.g. a newer
     * {@code .v2}): consumers skip those instead of failing.
     */
    public static Optional<EventType> fromType(String ceType) {
        return ceType == null ? Optional.empty() : Optional.ofNullable(BY_TYPE.get(ceType));
    }
}
