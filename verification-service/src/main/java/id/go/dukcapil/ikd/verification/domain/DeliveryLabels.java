package id.go.dukcapil.ikd.verification.domain;

import java.util.Map;

import id.go.dukcapil.ikd.verification.domain.Labels.Label;

/**
 * The messages to the citizen in words (notification-service's kinds, delivery statuses and
 * channels), for the case page's delivery table: Bahasa Indonesia first, English second.
 */
public final class DeliveryLabels {

    private static final Map<String, Label> KIND = Map.of(
            "REGISTRATION_RECEIVED", new Label("Pendaftaran diterima", "Registration received"),
            "VERIFICATION_REJECTED", new Label("Verifikasi ditolak", "Verification rejected"),
            "ACTIVATION_CODE", new Label("PIN aktivasi", "Activation PIN"),
            "DEACTIVATION_LINK", new Label("Tautan penonaktifan", "Deactivation link"),
            "IDENTITY_ACTIVATED", new Label("IKD aktif", "IKD activated"),
            "IDENTITY_REVOKED", new Label("IKD dinonaktifkan", "IKD revoked"),
            "CONTACT_CHANGED", new Label("Peringatan: kontak diubah", "Warning: contact changed"),
            "CONTACT_CONFIRMED", new Label("Kontak baru dikonfirmasi", "New contact confirmed"));

    private static final Map<String, Label> STATUS = Map.of(
            "SENT", new Label("Terkirim", "Sent"),
            "RETRYING", new Label("Gagal sementara, dicoba lagi", "Failed for now, being retried"),
            "FAILED", new Label("Gagal terkirim", "Not delivered"));

    private static final Map<String, Label> CHANNEL = Map.of(
            "EMAIL", new Label("Email", "Email"),
            "SMS", new Label("SMS", "SMS"));

    private DeliveryLabels() {
    }

    public static Label kind(String code) {
        return of(KIND, code);
    }

    public static Label status(String code) {
        return of(STATUS, code);
    }

    public static Label channel(String code) {
        return of(CHANNEL, code);
    }

    /** A code no map knows (a newer kind): shown as it is rather than hidden. */
    private static Label of(Map<String, Label> labels, String code) {
        if (code == null) {
            return null;
        }
        Label label = labels.get(code);
        return label != null ? label : new Label(code, code);
    }
}
