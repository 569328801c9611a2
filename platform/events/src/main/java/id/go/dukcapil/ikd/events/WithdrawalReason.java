package id.go.dukcapil.ikd.events;

/** Why a registration stopped before verification. */
public enum WithdrawalReason {
    /** The citizen cancelled it in the app. */
    CITIZEN_REQUEST,
    /** A newer registration of the same NIK replaced it. */
    SUPERSEDED,
    /** Nobody verified it in time. */
    EXPIRED
}
