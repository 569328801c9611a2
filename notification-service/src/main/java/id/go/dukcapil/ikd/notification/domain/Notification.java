package id.go.dukcapil.ikd.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.go.dukcapil.ikd.events.NotificationChannel;

/** One message to one citizen on one channel, and where its delivery stands. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;
    public UUID registrationId;
    /** CloudEvents id of the event that caused the message; with channel and kind, the unique key. */
    public String sourceEventId;
    /** The CloudEvents type, with its version; null on rows older than migration V4. */
    public String sourceEventType;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    @Enumerated(EnumType.STRING)
    public NotificationChannel channel;
    public String recipient;
    public String fallbackRecipient;
    public String language;
    /** Template model as JSON; secrets only sealed. */
    @Column(columnDefinition = "text")
    public String content;
    @Enumerated(EnumType.STRING)
    public NotificationState state;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant attemptStartedAt;
    public Instant expiresAt;
    public String lastError;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant sentAt;

    /** A new message, due now. */
    public static Notification pending(UUID registrationId, SourceEvent source, NotificationKind kind,
            NotificationChannel channel, String recipient, String language, String content, Instant now) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.registrationId = registrationId;
        notification.sourceEventId = source.id();
        notification.sourceEventType = source.type();
        notification.kind = kind;
        notification.channel = channel;
        notification.recipient = recipient;
        notification.language = language;
        notification.content = content;
        notification.state = NotificationState.PENDING;
        notification.nextAttemptAt = now;
        notification.createdAt = now;
        notification.updatedAt = now;
        return notification;
    }

    /** The event this message comes from (a fallback SMS comes from its email's). */
    public SourceEvent source() {
        return new SourceEvent(sourceEventId, sourceEventType);
    }

    public void startAttempt(Instant now) {
        state = NotificationState.SENDING;
        attempts++;
        attemptStartedAt = now;
        updatedAt = now;
    }

    public void sent(Instant now) {
        state = NotificationState.SENT;
        sentAt = now;
        lastError = null;
        updatedAt = now;
    }

    public void retryAt(Instant next, String reason, Instant now) {
        state = NotificationState.RETRYING;
        nextAttemptAt = next;
        lastError = reason;
        updatedAt = now;
    }

    public void failed(String reason, Instant now) {
        state = NotificationState.FAILED;
        lastError = reason;
        updatedAt = now;
    }

    /**
     * Whether an attempt's outcome still means something: the row is leased (SENDING); or it was
     * taken over and waits to be sent again, and the outcome says it arrived after all.
     */
    public boolean awaitsOutcome(boolean sent) {
        return state == NotificationState.SENDING
                || sent && (state == NotificationState.RETRYING || state == NotificationState.PENDING);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
