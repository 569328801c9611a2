package id.go.dukcapil.ikd.verification.domain;

/** Who makes the final decision on a case of an office. */
public enum ApprovalModel {
    /** The operator's decision is final (Tapin, Nganjuk, Lamongan SOPs). */
    LOCAL,
    /** The operator submits; a central verifier of Ditjen Dukcapil approves or rejects (Payakumbuh, Probolinggo SOPs). */
    CENTRAL
}
