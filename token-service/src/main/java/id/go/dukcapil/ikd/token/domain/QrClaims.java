package id.go.dukcapil.ikd.token.domain;

/**
 * Claim names of a QR token. The attributes have short names because every byte grows the QR
 * code a phone camera must read.
 */
public final class QrClaims {

    /** Full name as on the KTP-el. */
    public static final String NAME = "nm";
    /** NIK masked as {@code Masking.nik} does (area code and last 2 digits). */
    public static final String NIK = "nik";
    /** Birth date, ISO-8601. */
    public static final String BIRTH_DATE = "bd";
    /** base64url of the first 16 bytes of the SHA-256 of the registry photo. */
    public static final String PHOTO = "ph";

    private QrClaims() {
    }
}
