package id.go.dukcapil.ikd.verification.domain;

/** Where a video call is: waiting in the office's video queue, between the two browsers, or over. */
public enum VideoCallStatus {
    /** The citizen asked for a call and waits on the call page. */
    WAITING,
    /** An operator answered; the browsers exchange offer, answer and candidates, then media. */
    CONNECTED,
    ENDED
}
