package id.go.dukcapil.ikd.events;

/** Why a registration stopped before verification. */
public enum WithdrawalReason {
    /** The citizen cancelled it in the app. */
    CITIZEN_REQUEST,
    /**
     * Another registration of the same NIK replaced it: the one an operator approved at the
     * counter ({@code supersededBy}). Registrations of one NIK no longer replace each other on
     * submission; older producers sent this for the newer submission that replaced it.
     */
    SUPERSEDED,
    /** Nobody verified it in time. */
    EXPIRED
}
