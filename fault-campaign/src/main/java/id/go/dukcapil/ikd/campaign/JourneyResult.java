package id.go.dukcapil.ikd.campaign;

/**
 * How one citizen's journey ended. {@code registrationId} is the registration the operator
 * decided (null when it never got that far).
 */
record JourneyResult(Citizen citizen, String registrationId, Outcome outcome, String step, String detail) {

    enum Outcome {
        /** Approved, activated, app session, QR minted and verified VALID. */
        COMPLETED,
        /** Rejected, and told so by email and SMS. */
        REJECTED_AND_TOLD,
        /** A step still had no answer it could go on from at the deadline. */
        STUCK,
        /** A step met an answer it cannot go on from (e.g. a right PIN called wrong). */
        FAILED
    }

    boolean accountedFor() {
        return outcome == Outcome.COMPLETED || outcome == Outcome.REJECTED_AND_TOLD;
    }
}
