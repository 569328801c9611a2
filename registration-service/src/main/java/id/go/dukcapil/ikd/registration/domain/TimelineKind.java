package id.go.dukcapil.ikd.registration.domain;

/** What happened to a registration, as the citizen's app shows it. */
public enum TimelineKind {
    SUBMITTED,
    /** A central-approval office sent the case to the central verifier (Ditjen Dukcapil); expected by a time. */
    CENTRAL_REVIEW_PENDING,
    /** The central verifier sent the case back to the office to be checked again. */
    CENTRAL_REVIEW_RETURNED,
    APPROVED,
    REJECTED,
    /** activation-service created the activation PIN (the notifier sends it). */
    ACTIVATION_CODE_ISSUED,
    /** A message reached the mail or SMS gateway. */
    NOTIFICATION_SENT,
    /** A message failed for good, e.g. the email bounced. */
    NOTIFICATION_FAILED,
    /** A message failed for now and will be tried again. */
    NOTIFICATION_RETRYING,
    ACTIVATED,
    REVOKED,
    WITHDRAWN,
    SUPERSEDED,
    EXPIRED,
    /** An approval was never activated: it lapsed, and the registration ended (UU PDP: its purpose ended). */
    APPROVAL_LAPSED,
    /** A video-call slot was booked or moved (its start is the entry's expected time). */
    VIDEO_CALL_BOOKED,
    /** The citizen cancelled the booked video-call slot. */
    VIDEO_CALL_CANCELLED,
    /** The citizen did not join at the booked slot. */
    VIDEO_CALL_MISSED,
    /** The selfie was erased because its purpose ended (UU PDP). */
    SELFIE_ERASED,
    /** The email or phone was corrected at the Dukcapil office, with the citizen present (ContactCorrected). */
    CONTACT_CORRECTED
}
