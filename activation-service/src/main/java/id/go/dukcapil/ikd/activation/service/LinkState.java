package id.go.dukcapil.ikd.activation.service;

/** What the activation page shows for a link, without trying a PIN. */
public record LinkState(State state, int attemptsLeft) {

    public enum State {
        READY,
        USED,
        LOCKED,
        EXPIRED,
        REPLACED,
        WITHDRAWN,
        UNKNOWN
    }
}
