package id.go.dukcapil.ikd.events;

/** Outcome of one delivery attempt of a notification. */
public enum DeliveryStatus {
    SENT,
    /** Final: retries are exhausted or the recipient was refused. */
    FAILED,
    /** Temporary failure; another attempt is scheduled. */
    RETRYING
}
