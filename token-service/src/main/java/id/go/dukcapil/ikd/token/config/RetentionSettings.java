package id.go.dukcapil.ikd.token.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the token service keeps personal data once its purpose ended (docs/operations.md). */
@ConfigMapping(prefix = "ikd.token.retention")
public interface RetentionSettings {

    /**
     * A revoked identity's projection loses name, masked NIK, birth date and photo hash this long
     * after revocation; the pseudonymous row (subject, dates, reason) stays, so its QR codes are
     * still refused as REVOKED (ikd.token.retention.revoked-identity).
     */
    @WithDefault("365d")
    Duration revokedIdentity();

    /**
     * Verification records ({@code verification_record}: reference, relying party, attributes
     * disclosed, verdict; the citizen's log of who checked their QR) are deleted this long after the
     * verification, and used QR token ids at the latest then (single use forgets them at the token's
     * expiry already) (ikd.token.retention.verification-log).
     */
    @WithDefault("365d")
    Duration verificationLog();
}
