package id.go.dukcapil.ikd.events;

/** The operator's verdict on a verification case. */
public enum Decision {
    APPROVED,
    REJECTED
}
