package id.go.dukcapil.ikd.registration.service.problems;

import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.ProblemType;

/** Every way a registration request can be refused; each is a stable {@code code} clients can act on. */
public enum RegistrationProblems implements ProblemType {
    NIK_MALFORMED(400, "NIK harus 16 angka", "The NIK must be 16 digits"),
    NIK_UNKNOWN_PROVINCE(400, "Kode provinsi pada NIK tidak dikenal", "The NIK's province code is unknown"),
    NIK_INVALID_REGENCY(400, "Kode kabupaten/kota pada NIK tidak valid", "The NIK's regency code is invalid"),
    NIK_INVALID_DISTRICT(400, "Kode kecamatan pada NIK tidak valid", "The NIK's district code is invalid"),
    NIK_INVALID_BIRTH_DATE(400, "Tanggal lahir pada NIK tidak valid", "The NIK's birth date is invalid"),
    NIK_INVALID_SERIAL(400, "Nomor urut pada NIK tidak valid", "The NIK's serial number is invalid"),
    DEVICE_KEY_INVALID(400, "Kunci perangkat tidak valid", "The device key is invalid"),
    SELFIE_MISSING(400, "Swafoto wajib dikirim", "A selfie is required"),
    SELFIE_TOO_LARGE(413, "Swafoto terlalu besar", "The selfie is too large"),
    SELFIE_NOT_AN_IMAGE(400, "Swafoto bukan gambar yang dapat dibaca", "The selfie is not a readable image"),
    SELFIE_UNSUPPORTED_FORMAT(415, "Swafoto harus JPEG atau PNG", "The selfie must be JPEG or PNG"),
    SELFIE_TOO_MANY_PIXELS(400, "Resolusi swafoto terlalu besar", "The selfie's resolution is too high"),
    SELFIE_TOO_SMALL(400, "Resolusi swafoto terlalu kecil", "The selfie's resolution is too low"),
    SELFIE_DEPTH_UNSUPPORTED(422, "Kedalaman warna swafoto tidak didukung",
            "The selfie's colour depth is not supported"),
    SELFIE_ANIMATED(422, "Swafoto harus satu gambar diam", "The selfie must be one still image"),
    SELFIE_LIVENESS_REQUIRED(400, "Swafoto bergerak wajib dikirim", "A moving selfie is required"),
    SELFIE_FRAME_COUNT(400, "Jumlah bingkai swafoto bergerak tidak sesuai",
            "The moving selfie has the wrong number of frames"),
    SELFIE_FRAME_TOO_LARGE(413, "Bingkai swafoto bergerak terlalu besar", "A moving selfie frame is too large"),
    SELFIE_CHALLENGE_UNKNOWN(400, "Tantangan swafoto tidak dikenal", "The selfie challenge is unknown"),
    SELFIE_CHALLENGE_EXPIRED(400, "Tantangan swafoto sudah kedaluwarsa", "The selfie challenge has expired"),
    SELFIE_CHALLENGE_USED(409, "Tantangan swafoto sudah dipakai", "The selfie challenge was already used"),
    SELFIE_NO_FACE(422, "Wajah tidak terlihat pada swafoto", "No face is visible in the selfie"),
    SELFIE_MULTIPLE_FACES(422, "Lebih dari satu wajah pada swafoto", "More than one face is in the selfie"),
    SELFIE_TOO_DARK(422, "Swafoto terlalu gelap", "The selfie is too dark"),
    SELFIE_CHALLENGE_NOT_FOLLOWED(422, "Gerakan wajah tidak sesuai petunjuk",
            "The face did not move as instructed"),
    SELFIE_NOT_LIVE(422, "Swafoto tidak lolos pemeriksaan keaktifan", "The selfie failed the liveness check"),
    SELFIE_CHECK_TIMEOUT(503, "Pemeriksaan swafoto melebihi batas waktu", "The selfie check ran out of time"),
    SELFIE_LIVENESS_UNAVAILABLE(503, "Layanan pemeriksaan keaktifan tidak tersedia",
            "The liveness check service is unavailable"),
    REGISTRATION_NOT_PENDING(409, "Pendaftaran tidak lagi menunggu verifikasi",
            "The registration no longer awaits verification"),
    NIK_PENDING_LIMIT(429, "Terlalu banyak pendaftaran NIK ini menunggu verifikasi",
            "Too many registrations of this NIK await verification"),
    REGISTRATION_NOT_FOUND(404, "Pendaftaran tidak ditemukan", "Registration not found"),
    SELFIE_NOT_AVAILABLE(404, "Swafoto tidak tersedia", "The selfie is not available");

    private final Definition definition;

    RegistrationProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** The refusal of what only a registration awaiting verification allows (a new counter code, a withdrawal). */
    public static ProblemException notPending(RegistrationStatus status) {
        return new ProblemException(REGISTRATION_NOT_PENDING, "Pendaftaran ini tidak lagi menunggu verifikasi.",
                "This registration no longer awaits verification.").with("status", status.name());
    }
}
