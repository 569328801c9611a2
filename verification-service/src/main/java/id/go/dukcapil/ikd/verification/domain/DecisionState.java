package id.go.dukcapil.ikd.verification.domain;

public enum DecisionState {
    FINAL,
    AWAITING_CENTRAL
}
