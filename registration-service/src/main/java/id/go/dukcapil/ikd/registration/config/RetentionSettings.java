package id.go.dukcapil.ikd.registration.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the registration service keeps personal data once its purpose ended (docs/operations.md). */
@ConfigMapping(prefix = "ikd.registration.retention")
public interface RetentionSettings {

    /**
     * A registration that ended (activated, rejected, withdrawn, expired, revoked) and its timeline
     * are deleted this long after their last change: long enough to answer a citizen's question
     * or complaint about it (ikd.registration.retention.ended).
     */
    @WithDefault("365d")
    Duration ended();
}
