package id.go.dukcapil.ikd.verification.domain;

import java.util.EnumSet;
import java.util.Set;

public enum CaseStatus {
    /** Waiting in an office's queue for the citizen to present the counter code. */
    QUEUED,
    /** Scanned by an operator: the citizen is at the counter or on the call (SOP step 3). */
    IN_REVIEW,
    /** Submitted by the operator of a CENTRAL office; waits for the central verifier. */
    AWAITING_CENTRAL,
    APPROVED,
    REJECTED,
    /** The registration was withdrawn. */
    WITHDRAWN,
    /** A newer registration of the same NIK replaced this one. */
    SUPERSEDED,
    /** The citizen activated the identity: the journey is complete. */
    ACTIVATED;

    public static final Set<CaseStatus> OPEN = EnumSet.of(QUEUED, IN_REVIEW, AWAITING_CENTRAL);

    public boolean open() {
        return OPEN.contains(this);
    }
}
