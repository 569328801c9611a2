package id.go.dukcapil.ikd.verification.domain;

/** What happened to a case, as written in the buku pelayanan. */
public enum ServiceAction {
    CASE_OPENED,
    SCANNED,
    TAKEN_OVER,
    DECIDED,
    SUBMITTED_FOR_CENTRAL,
    CENTRAL_REVIEWED,
    /** The central verifier sent the case back to the office with a note. */
    RETURNED_TO_OFFICE,
    WITHDRAWN,
    SUPERSEDED,
    ACTIVATED,
    /** The citizen's email or phone corrected at the counter (citizen present, KTP-el checked). */
    CONTACT_CORRECTED,
    /** An answered video call ended; its duration runs from the answer to the end. */
    VIDEO_CALL_ENDED,
    COMPLETED
}
