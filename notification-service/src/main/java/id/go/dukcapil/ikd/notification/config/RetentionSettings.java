package id.go.dukcapil.ikd.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the notification service keeps what it sent (docs/operations.md). */
@ConfigMapping(prefix = "ikd.notification.retention")
public interface RetentionSettings {

    /**
     * A notification that is done (sent, failed or of unknown fate) is deleted, with its recipient
     * address and content, this long after its last attempt: time enough to answer "I never got
     * the message" (ikd.notification.retention.finished).
     */
    @WithDefault("90d")
    Duration finished();

    /**
     * A recipient record (the contact of a registration) whose registration ended (rejected,
     * withdrawn, expired, superseded) or whose identity was revoked is deleted this long after the
     * end: no message is due any more, but an event of the registration may still be in a topic
     * (14 days) or be replayed (ikd.notification.retention.ended-recipient).
     */
    @WithDefault("30d")
    Duration endedRecipient();

    /**
     * A recipient whose identity was never activated and whose registration never ended is deleted
     * this long after its contact was given: a pending registration expires after 7 days and
     * activation-service deletes an approval never activated after 90, so no message can come
     * later (ikd.notification.retention.unactivated-recipient).
     */
    @WithDefault("120d")
    Duration unactivatedRecipient();
}
