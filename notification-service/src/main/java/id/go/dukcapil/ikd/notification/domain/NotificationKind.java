package id.go.dukcapil.ikd.notification.domain;

/**
 * What a message says. The name is the {@code kind} of NotificationStatus and, in kebab case,
 * the template's name ({@code email/<template>.<language>.txt|html}, {@code sms/<template>.<language>.txt}).
 */
public enum NotificationKind {
    REGISTRATION_RECEIVED("Pendaftaran IKD Anda telah diterima", "Your IKD registration has been received"),
    VERIFICATION_REJECTED("Verifikasi IKD Anda belum dapat disetujui", "Your IKD verification could not be approved"),
    /** The PIN and the activation link; an email that fails for good falls back to SMS. */
    ACTIVATION_CODE("PIN aktivasi Identitas Kependudukan Digital", "Activation PIN for your Digital Population Identity"),
    IDENTITY_ACTIVATED("IKD Anda telah aktif", "Your IKD is now active"),
    IDENTITY_REVOKED("Peringatan keamanan: IKD Anda dinonaktifkan", "Security alert: your IKD was deactivated");

    private final String subjectId;
    private final String subjectEn;

    NotificationKind(String subjectId, String subjectEn) {
        this.subjectId = subjectId;
        this.subjectEn = subjectEn;
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
