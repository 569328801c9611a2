package id.go.dukcapil.ikd.notification.domain;

/** Life of one message. */
public enum NotificationState {
    /** Recorded from the event, not yet attempted. */
    PENDING,
    /** An attempt is under way (claimed by a dispatcher). */
    SENDING,
    /** The last attempt failed temporarily; {@code nextAttemptAt} says when the next one runs. */
    RETRYING,
    SENT,
    /** Final: refused for good or out of attempts. */
    FAILED,
    /**
     * Only on rows from before leases (version 0.1): an attempt interrupted between sending and
     * recording was left for ops. Interrupted attempts are now taken over and sent again.
     */
    UNKNOWN;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == UNKNOWN;
    }
}
