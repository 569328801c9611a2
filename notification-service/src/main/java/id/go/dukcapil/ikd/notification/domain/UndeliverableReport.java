package id.go.dukcapil.ikd.notification.domain;

import java.time.Instant;
import java.util.UUID;

import id.go.dukcapil.ikd.events.NotificationChannel;

/**
 * The report of a message that failed for good (not to be confused with the platform's dead
 * letters of poison events, which are events this service could not read): enough for ops to find the
 * case (notification, registration, the event that caused it) and decide on a replay, and
 * nothing of its content: no PIN, no link, no template model, no sealed secrets, only the masked
 * recipient.
 *
 * @param reason                 the FAILED reason, as in NotificationStatus (e.g. {@code RETRIES_EXHAUSTED: SMTP_451})
 * @param attempts               delivery attempts made
 * @param sourceEventType        CloudEvents type of the event that caused the message
 * @param sourceTopic            where that event was consumed from
 * @param fallbackNotificationId the SMS queued in this message's place, when there is one
 * @param expiresAt              after this the message is useless (activation codes); a replay after it is refused
 */
public record UndeliverableReport(
        UUID notificationId,
        UUID registrationId,
        String kind,
        NotificationChannel channel,
        String reason,
        int attempts,
        String sourceEventId,
        String sourceEventType,
        String sourceTopic,
        String recipientMasked,
        UUID fallbackNotificationId,
        Instant queuedAt,
        Instant failedAt,
        Instant expiresAt) {
}
