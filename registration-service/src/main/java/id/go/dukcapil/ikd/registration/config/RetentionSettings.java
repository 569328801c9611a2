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

    /**
     * An approval never activated lapses this long after the decision: the registration ends as
     * EXPIRED (then {@link #ended()} applies). activation-service deletes such an approval after its
     * own {@code unactivated-approval} (90 days); the extra day lets an activation made in its last
     * hours arrive first (ikd.registration.retention.unactivated-approval).
     */
    @WithDefault("91d")
    Duration unactivatedApproval();
}
