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
}
