package id.go.dukcapil.ikd.verification.domain;

import java.util.Map;

import id.go.dukcapil.ikd.web.Bilingual;

/**
 * The messages to the citizen in words (notification-service's kinds, delivery statuses and
 * channels), for the case page's delivery table: Bahasa Indonesia first, English second.
 */
public final class DeliveryLabels {

    private static final Map<String, Bilingual> KIND = Map.of(
            "REGISTRATION_RECEIVED", new Bilingual("Pendaftaran diterima", "Registration received"),
            "VERIFICATION_REJECTED", new Bilingual("Verifikasi ditolak", "Verification rejected"),
            "ACTIVATION_CODE", new Bilingual("PIN aktivasi", "Activation PIN"),
            "DEACTIVATION_LINK", new Bilingual("Tautan penonaktifan", "Deactivation link"),
            "IDENTITY_ACTIVATED", new Bilingual("IKD aktif", "IKD activated"),
            "IDENTITY_REVOKED", new Bilingual("IKD dinonaktifkan", "IKD revoked"),
            "CONTACT_CHANGED", new Bilingual("Peringatan: kontak diubah", "Warning: contact changed"),
            "CONTACT_CONFIRMED", new Bilingual("Kontak baru dikonfirmasi", "New contact confirmed"));

    private static final Map<String, Bilingual> STATUS = Map.of(
            "SENT", new Bilingual("Terkirim", "Sent"),
            "RETRYING", new Bilingual("Gagal sementara, dicoba lagi", "Failed for now, being retried"),
            "FAILED", new Bilingual("Gagal terkirim", "Not delivered"));

    private static final Map<String, Bilingual> CHANNEL = Map.of(
            "EMAIL", new Bilingual("Email", "Email"),
            "SMS", new Bilingual("SMS", "SMS"));

    private DeliveryLabels() {
    }

    public static Bilingual kind(String code) {
        return of(KIND, code);
    }

    public static Bilingual status(String code) {
        return of(STATUS, code);
    }

    public static Bilingual channel(String code) {
        return of(CHANNEL, code);
    }

    /** A code no map knows (a newer kind): shown as it is rather than hidden. */
    private static Bilingual of(Map<String, Bilingual> labels, String code) {
        if (code == null) {
            return null;
        }
        Bilingual label = labels.get(code);
        return label != null ? label : new Bilingual(code, code);
    }
}
