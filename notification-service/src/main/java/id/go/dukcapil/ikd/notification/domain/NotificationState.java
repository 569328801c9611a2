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
     * An attempt was interrupted between sending and recording (a crash): it may or may not have
     * reached the citizen, so it is not sent again automatically; ops decide.
     */
    UNKNOWN;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == UNKNOWN;
    }
}
