package id.go.dukcapil.ikd.verification.domain;

/** What happened to a case, as written in the buku pelayanan. */
public enum ServiceAction {
    CASE_OPENED,
    SCANNED,
    TAKEN_OVER,
    DECIDED,
    SUBMITTED_FOR_CENTRAL,
    CENTRAL_REVIEWED,
    WITHDRAWN,
    SUPERSEDED,
    ACTIVATED,
    COMPLETED
}
