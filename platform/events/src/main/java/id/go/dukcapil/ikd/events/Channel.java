package id.go.dukcapil.ikd.events;

/** Where the operator verified the citizen. */
public enum Channel {
    /** In person, at a Dukcapil office counter. */
    COUNTER,
    /** Remotely, on a video call. */
    VIDEO_CALL
}
