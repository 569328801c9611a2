package id.go.dukcapil.ikd.events;

/** Where a case of a central-approval office stands with the central verifier (Ditjen Dukcapil). */
public enum CentralReviewState {
    /** Submitted by the office; the central verifier's review is due by {@code expectedBy}. */
    PENDING,
    /** Sent back to the office with a note; the office verifies again. */
    RETURNED,
    /** The central verifier decided (VerificationDecided follows on the same partition). */
    DONE
}
