package id.go.dukcapil.ikd.token.domain;

/** Why a QR token was refused, with the words the verifier page shows. */
public enum VerificationReason {
    EXPIRED("Kode QR sudah kedaluwarsa (berlaku 90 detik). Minta pemilik menampilkan kode baru.",
            "The QR code has expired (valid for 90 seconds). Ask the holder to show a new one."),
    NOT_YET_VALID("Kode QR belum berlaku: waktu terbitnya di masa depan. Periksa jam perangkat.",
            "The QR code is not valid yet: it was issued in the future. Check the device clock."),
    BAD_SIGNATURE("Tanda tangan kode QR tidak sah: kode ini palsu atau telah diubah.",
            "The QR code's signature is not valid: it is forged or was altered."),
    UNKNOWN_KEY("Kode QR ditandatangani dengan kunci yang tidak dikenal atau sudah dicabut.",
            "The QR code was signed with an unknown or withdrawn key."),
    REPLAYED("Kode QR ini sudah pernah diperiksa. Setiap kode hanya dapat dipakai sekali.",
            "This QR code has already been checked. Each code can be used only once."),
    REVOKED("Identitas digital pemilik kode ini sudah tidak berlaku.",
            "The holder's digital identity is no longer valid."),
    MALFORMED("Ini bukan kode QR IKD yang dapat dibaca.",
            "This is not a readable IKD QR code.");

    private final String textId;
    private final String textEn;

    VerificationReason(String textId, String textEn) {
        this.textId = textId;
        this.textEn = textEn;
    }

    public String textId() {
        return textId;
    }

    public String textEn() {
        return textEn;
    }
}
