package id.go.dukcapil.ikd.activation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the activation service keeps personal data once its purpose ended (docs/operations.md). */
@ConfigMapping(prefix = "ikd.activation.retention")
public interface RetentionSettings {

    /**
     * A revoked identity and its approval lose the NIK, attributes, device key, app PIN, email and
     * phone this long after revocation; the row stays as a pseudonymous stub (id, subject, dates,
     * reason) so that a late question about the revocation can still be answered
     * (ikd.activation.retention.revoked-identity).
     */
    @WithDefault("365d")
    Duration revokedIdentity();

    /**
     * An approval that never became an identity is deleted, with its activation codes, this long
     * after approval (ikd.activation.retention.unactivated-approval).
     */
    @WithDefault("90d")
    Duration unactivatedApproval();

    /**
     * Activation codes and refresh tokens are deleted this long after they expired
     * (ikd.activation.retention.expired-credentials).
     */
    @WithDefault("30d")
    Duration expiredCredentials();

    /** Withdrawal records are deleted this long after they were recorded (ikd.activation.retention.withdrawal). */
    @WithDefault("365d")
    Duration withdrawal();
}
