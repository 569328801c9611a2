package id.go.dukcapil.ikd.registration.domain;

/** What happened to a registration, as the citizen's app shows it. */
public enum TimelineKind {
    SUBMITTED,
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
    /** The selfie was erased because its purpose ended (UU PDP). */
    SELFIE_ERASED,
    /** The email or phone was corrected at the Dukcapil office, with the citizen present (ContactCorrected). */
    CONTACT_CORRECTED
}
