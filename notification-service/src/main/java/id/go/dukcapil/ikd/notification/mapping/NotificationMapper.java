package id.go.dukcapil.ikd.notification.mapping;

import java.time.Instant;
import java.util.UUID;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.notification.delivery.Recipients;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.domain.UndeliverableReport;
import id.go.dukcapil.ikd.web.Masking;

/** Entity to events and reports: recipients only masked. */
public final class NotificationMapper {

    private static final String INVALID = "(invalid address)";

    private NotificationMapper() {
    }

    public static NotificationStatus toStatus(Notification notification, DeliveryStatus status, String reason,
            Instant at) {
        return new NotificationStatus(notification.id, notification.registrationId, notification.sourceEventId,
                notification.kind.name(), notification.channel, status, reason, Math.max(1, notification.attempts),
                maskedRecipient(notification), at);
    }

    /** What ops need to find and replay a message that failed for good; never its content. */
    public static UndeliverableReport toUndeliverableReport(Notification notification, UUID fallbackNotificationId,
            Instant at) {
        return new UndeliverableReport(notification.id, notification.registrationId, notification.kind.name(),
                notification.channel, notification.lastError, notification.attempts, notification.sourceEventId,
                notification.sourceEventType != null ? notification.sourceEventType : notification.kind.sourceEvent().type(),
                notification.kind.sourceEvent().topic(),
                maskedRecipient(notification), fallbackNotificationId, notification.createdAt, at,
                notification.expiresAt);
    }

    public static String maskedRecipient(Notification notification) {
        return mask(notification.channel, notification.recipient);
    }

    /** An address we refuse to use is not shown at all: it may carry injected header lines. */
    public static String mask(NotificationChannel channel, String recipient) {
        if (channel == NotificationChannel.EMAIL) {
            return Recipients.isDeliverableEmail(recipient) ? Masking.email(recipient) : INVALID;
        }
        return Recipients.isDeliverablePhone(recipient) ? Masking.phone(recipient) : INVALID;
    }
}
