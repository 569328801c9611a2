package id.go.dukcapil.ikd.events;

import java.util.Objects;

/**
 * Kafka topic names: one topic per event family (and per audience, where a family's events have
 * different readers), every record keyed by {@link IkdEvent#partitionKey()}.
 */
public final class Topics {

    public static final String REGISTRATION = "ikd.registration";
    public static final String VERIFICATION = "ikd.verification";
    /**
     * Approvals with the registry attributes and device key ({@link CardApproved}): a topic of its
     * own so that only activation-service, which makes the identity from them, may read them.
     */
    public static final String VERIFICATION_CARD = "ikd.verification.card";
    /** Complaints ({@link ComplaintUpdatedV2}): the complainant's contact and the answer, for notification-service alone. */
    public static final String VERIFICATION_COMPLAINT = "ikd.verification.complaint";
    public static final String ACTIVATION = "ikd.activation";
    public static final String IDENTITY = "ikd.identity";
    public static final String NOTIFICATION = "ikd.notification";
    public static final String TOKEN = "ikd.token";

    private static final String DEAD_LETTER_PREFIX = "ikd.dlq.";

    private Topics() {
    }

    /**
     * The dead-letter topic of one consumer group: a poison message is parked there after its
     * retries, so that it never blocks its partition.
     */
    public static String deadLetter(String consumerGroup) {
        Objects.requireNonNull(consumerGroup, "consumerGroup is required");
        if (consumerGroup.isBlank()) {
            throw new IllegalArgumentException("consumerGroup must not be blank");
        }
        return DEAD_LETTER_PREFIX + consumerGroup;
    }
}
