package id.go.dukcapil.ikd.notification.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.go.dukcapil.ikd.events.NotificationChannel;

/** One message as ops see it: where it stands, never its content, the recipient masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(UUID id, UUID registrationId, String sourceEventId, String kind,
        NotificationChannel channel, String state, int attempts, String recipientMasked, String lastError,
        Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
}
