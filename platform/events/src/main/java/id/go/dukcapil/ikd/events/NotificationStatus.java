package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Outcome of one delivery attempt of a message to the citizen; registration-service shows it on
 * the citizen's timeline.
 *
 * @param sourceEventId   CloudEvents {@code id} of the event that caused the message
 * @param kind            upper-snake message kind, e.g. {@code ACTIVATION_CODE}, {@code VERIFICATION_REJECTED}
 * @param reason          why it failed or is retried; absent when SENT
 * @param attempt         1 for the first attempt
 * @param recipientMasked e.g. {@code b***@example.id} or {@code +62812****5678}; never the full address
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationStatus(
        UUID notificationId,
        UUID registrationId,
        String sourceEventId,
        String kind,
        NotificationChannel channel,
        DeliveryStatus status,
        String reason,
        @JsonProperty(required = true) int attempt,
        String recipientMasked,
        Instant at) implements IkdEvent {

    public NotificationStatus {
        Objects.requireNonNull(notificationId, "notificationId is required");
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(sourceEventId, "sourceEventId is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(channel, "channel is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(recipientMasked, "recipientMasked is required");
        Objects.requireNonNull(at, "at is required");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, was " + attempt);
        }
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}
