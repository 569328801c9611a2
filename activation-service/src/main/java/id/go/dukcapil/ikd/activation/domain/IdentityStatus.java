package id.go.dukcapil.ikd.activation.domain;

public enum IdentityStatus {
    ACTIVE,
    REVOKED
}
