package id.go.dukcapil.ikd.activation.domain;

/** Life of an activation code; only {@code ACTIVE} (and not expired) accepts a PIN. */
public enum CodeStatus {
    ACTIVE,
    /** The right PIN was entered: the identity exists; the code is dead. */
    USED,
    /** Too many wrong PINs; a resend issues a new code. */
    LOCKED,
    /** A resend issued a newer code. */
    REPLACED,
    /** The registration was withdrawn in registration-service before the code was used. */
    WITHDRAWN
}
