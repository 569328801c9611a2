package id.go.dukcapil.ikd.verification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the verification service keeps personal data once its purpose ended (docs/operations.md). */
@ConfigMapping(prefix = "ikd.verification.retention")
public interface RetentionSettings {

    /**
     * A closed case (rejected, withdrawn, superseded, approved, activated) loses NIK, email, phone,
     * device key and selfie hash, and its decision the operators' free-text notes, this long after
     * it closed; the case and decision rows stay pseudonymous for statistics and the audit
     * (ikd.verification.retention.closed-case).
     */
    @WithDefault("730d")
    Duration closedCase();

    /**
     * The service log (buku pelayanan) keeps its rows; this long after an entry its link to the
     * case and registration (and so to the NIK and name) and its note are dropped: the office's
     * yearly service report needs them no longer (ikd.verification.retention.service-log-link).
     */
    @WithDefault("400d")
    Duration serviceLogLink();

    /**
     * A complaint still open this long after it was filed is closed with a fixed answer saying so, and
     * emptied as a closed one is (text, contact, registration reference, the office's notes): handling it
     * was its purpose, and an office that has not closed it by then is not handling it
     * (ikd.verification.retention.open-complaint). The citizen following the ticket finds it no more.
     */
    @WithDefault("180d")
    Duration openComplaint();

    /**
     * Counter codes, and operators' login throttles, are deleted this long after they expired or
     * last changed (ikd.verification.retention.expired-codes).
     */
    @WithDefault("30d")
    Duration expiredCodes();
}
