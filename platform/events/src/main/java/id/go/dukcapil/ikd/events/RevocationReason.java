package id.go.dukcapil.ikd.events;

/** Why an activated digital identity stopped being valid. */
public enum RevocationReason {
    /** The citizen activated IKD on another device; {@code replacedBy} names the new identity. */
    REPLACED_BY_NEW_DEVICE,
    CITIZEN_REQUEST,
    /** An operator revoked it (e.g. a lost phone reported at the office). */
    OPERATOR,
    DECEASED
}
