package id.go.dukcapil.ikd.notification.domain;

import id.go.dukcapil.ikd.events.EventType;

/**
 * What a message says. The name is the {@code kind} of NotificationStatus and, in kebab case,
 * the template's name ({@code email/<template>.<language>.txt|html}, {@code sms/<template>.<language>.txt}).
 */
public enum NotificationKind {
    REGISTRATION_RECEIVED(EventType.REGISTRATION_SUBMITTED, "Pendaftaran IKD Anda telah diterima",
            "Your IKD registration has been received"),
    VERIFICATION_REJECTED(EventType.VERIFICATION_DECIDED, "Verifikasi IKD Anda belum dapat disetujui",
            "Your IKD verification could not be approved"),
    /** The PIN and the activation link; an email that fails for good falls back to SMS. */
    ACTIVATION_CODE(EventType.ACTIVATION_CODE_ISSUED, "PIN aktivasi Identitas Kependudukan Digital",
            "Activation PIN for your Digital Population Identity"),
    /** The confirmation link of a self-deactivation asked from another device (a lost phone), by email and SMS. */
    DEACTIVATION_LINK(EventType.DEACTIVATION_LINK_ISSUED, "Konfirmasi penonaktifan IKD Anda",
            "Confirm the deactivation of your IKD"),
    IDENTITY_ACTIVATED(EventType.IDENTITY_ACTIVATED, "IKD Anda telah aktif", "Your IKD is now active"),
    IDENTITY_REVOKED(EventType.IDENTITY_REVOKED, "Peringatan keamanan: IKD Anda dinonaktifkan",
            "Security alert: your IKD was deactivated"),
    /** To the previous email/phone after a correction at the counter: it will get nothing more. */
    CONTACT_CHANGED(EventType.CONTACT_CORRECTED, "Peringatan keamanan: kontak IKD Anda diubah",
            "Security alert: your IKD contact was changed"),
    /** To the new email/phone after a correction at the counter. */
    CONTACT_CONFIRMED(EventType.CONTACT_CORRECTED, "Kontak IKD Anda telah diperbarui",
            "Your IKD contact has been updated"),
    /** A complaint was filed: its ticket number (the notification's subject id is the complaint's). */
    COMPLAINT_RECEIVED(EventType.COMPLAINT_UPDATED, "Aduan Anda telah diterima", "Your complaint has been received"),
    /** The office moved a complaint on (verification, mediation, coordination). */
    COMPLAINT_STATUS(EventType.COMPLAINT_UPDATED, "Perkembangan aduan Anda", "An update on your complaint"),
    /** The office closed a complaint with its answer. */
    COMPLAINT_ANSWERED(EventType.COMPLAINT_UPDATED, "Jawaban atas aduan Anda", "The answer to your complaint"),
    /** A video-call slot booked or moved: its day and time in the office's zone. */
    VIDEO_CALL_BOOKED(EventType.VIDEO_CALL_BOOKED, "Jadwal panggilan video IKD Anda",
            "Your IKD video call appointment"),
    /** Before the booked slot ({@code ikd.notification.video-call.reminder-before}); dropped when the booking changes. */
    VIDEO_CALL_REMINDER(EventType.VIDEO_CALL_BOOKED, "Pengingat: panggilan video IKD Anda",
            "Reminder: your IKD video call"),
    /** The citizen cancelled the slot. */
    VIDEO_CALL_CANCELLED(EventType.VIDEO_CALL_BOOKED, "Jadwal panggilan video IKD Anda dibatalkan",
            "Your IKD video call appointment was cancelled"),
    /** The citizen did not come at the slot: they may book another. */
    VIDEO_CALL_MISSED(EventType.VIDEO_CALL_BOOKED, "Anda melewatkan jadwal panggilan video IKD",
            "You missed your IKD video call appointment");

    private final EventType sourceEvent;
    private final String subjectId;
    private final String subjectEn;

    NotificationKind(EventType sourceEvent, String subjectId, String subjectEn) {
        this.sourceEvent = sourceEvent;
        this.subjectId = subjectId;
        this.subjectEn = subjectEn;
    }

    /**
     * The one event type that produces this kind (each NotificationService handler makes its own
     * kinds; ContactCorrected makes two), so a dead letter can name the event to look up without storing its type per row.
     */
    public EventType sourceEvent() {
        return sourceEvent;
    }

    public String subject(String language) {
        return "en".equals(language) ? subjectEn : subjectId;
    }

    public String template() {
        return name().toLowerCase().replace('_', '-');
    }

    /** Whether an email that fails for good is replaced by an SMS. */
    public boolean fallsBackToSms() {
        return this == ACTIVATION_CODE;
    }
}
