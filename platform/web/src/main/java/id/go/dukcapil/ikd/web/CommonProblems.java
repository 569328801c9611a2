package id.go.dukcapil.ikd.web;

/** Errors that every service can answer with. */
public enum CommonProblems implements ProblemType {
    VALIDATION_FAILED(400, "Data yang dikirim tidak valid", "The request data is invalid"),
    MALFORMED_REQUEST(400, "Permintaan tidak dapat dibaca", "The request cannot be read"),
    UNAUTHORIZED(401, "Autentikasi diperlukan", "Authentication is required"),
    FORBIDDEN(403, "Akses ditolak", "Access denied"),
    NOT_FOUND(404, "Tidak ditemukan", "Not found"),
    METHOD_NOT_ALLOWED(405, "Metode tidak diizinkan", "Method not allowed"),
    NOT_ACCEPTABLE(406, "Format jawaban tidak didukung", "Response format not supported"),
    CONFLICT(409, "Konflik dengan keadaan saat ini", "Conflict with the current state"),
    PAYLOAD_TOO_LARGE(413, "Data terlalu besar", "Payload too large"),
    URI_TOO_LONG(414, "Alamat (URL) permintaan terlalu panjang", "The request URL is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Jenis konten tidak didukung", "Unsupported media type"),
    HEADERS_TOO_LARGE(431, "Header permintaan terlalu besar", "The request headers are too large"),
    RATE_LIMITED(429, "Terlalu banyak permintaan, coba lagi nanti", "Too many requests, try again later"),
    SERVICE_UNAVAILABLE(503, "Layanan sementara tidak tersedia", "Service temporarily unavailable"),
    SERVICE_BUSY(503, "Layanan sedang sibuk, silakan coba lagi sebentar lagi",
            "The service is busy, please try again shortly"),
    IDEMPOTENCY_KEY_INVALID(400, "Header Idempotency-Key tidak valid", "The Idempotency-Key header is invalid"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key ini sudah dipakai untuk permintaan lain",
            "This Idempotency-Key was already used for another request"),
    IDEMPOTENCY_KEY_IN_USE(409, "Permintaan dengan Idempotency-Key ini sedang diproses",
            "A request with this Idempotency-Key is being processed"),
    INTERNAL_ERROR(500, "Terjadi kesalahan pada sistem", "An internal error occurred");

    /** Problems a service states itself, never the translation of a status a framework produced. */
    private static final java.util.Set<CommonProblems> ANSWERED_BY_THE_SERVICE_ONLY = java.util.EnumSet.of(
            VALIDATION_FAILED, IDEMPOTENCY_KEY_INVALID, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE);

    private final Definition definition;

    CommonProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** The common problem for an HTTP status a framework produced. */
    public static CommonProblems forStatus(int status) {
        for (CommonProblems problem : values()) {
            if (problem.status() == status && !ANSWERED_BY_THE_SERVICE_ONLY.contains(problem)) {
                return problem;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
