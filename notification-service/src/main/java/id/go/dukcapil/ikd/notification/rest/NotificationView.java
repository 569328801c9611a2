package id.go.dukcapil.ikd.notification.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.mapping.NotificationMapper;

/** One message as ops see it: where it stands, never its content, the recipient masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"id": "8d3f1c2a-6b7e-4f10-9a2d-5c4b3e2f1a09", "registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e",
         "sourceEventId": "e4a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b", "kind": "VERIFICATION_REJECTED", "channel": "EMAIL",
         "state": "SENT", "attempts": 1, "recipientMasked": "b***@example.id", "createdAt": "2026-12-05T02:30:00Z",
         "sentAt": "2026-12-05T02:30:04Z"}""")
public record NotificationView(UUID id, UUID registrationId, String sourceEventId, String kind,
        NotificationChannel channel, String state, int attempts, String recipientMasked, String lastError,
        Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id, notification.registrationId, notification.sourceEventId,
                notification.kind.name(), notification.channel, notification.state.name(), notification.attempts,
                NotificationMapper.maskedRecipient(notification), notification.lastError, notification.createdAt,
                notification.state.isFinal() ? null : notification.nextAttemptAt, notification.sentAt);
    }
}
