package id.go.dukcapil.ikd.registration.domain;

/**
 * Where a registration stands. Events from other services only move it forward (by
 * {@link #rank()}), so an event that arrives late on another topic cannot undo a later state.
 */
public enum RegistrationStatus {
    /** Submitted; waits for the counter or the video call (SOP step 3). */
    PENDING_VERIFICATION(0),
    /** The citizen withdrew it, or a newer registration of the same NIK replaced it. */
    WITHDRAWN(1),
    /** Nobody verified it within {@code ikd.registration.expire-after}. */
    EXPIRED(1),
    /** An operator approved it; activation-service sends the PIN. */
    APPROVED(2),
    /** An operator rejected it (reason on the timeline). */
    REJECTED(2),
    /** The citizen activated their IKD. */
    ACTIVATED(3),
    /** The digital identity made from it was revoked. */
    REVOKED(4);

    private final int rank;

    RegistrationStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The operator's decision stands even over a withdrawal that crossed it: activation follows the decision. */
    public boolean canMoveTo(RegistrationStatus next) {
        return next.rank > rank;
    }
}
