package id.go.dukcapil.ikd.notification.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.mapping.NotificationMapper;

/** One message as ops see it: where it stands, never its content, the recipient masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
