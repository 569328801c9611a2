package id.go.dukcapil.ikd.activation.service;

import id.go.dukcapil.ikd.web.ProblemType;

/** The errors of activation-service, with stable codes for clients. */
public enum ActivationProblems implements ProblemType {
    INVALID_LINK(404, "Tautan aktivasi tidak dikenal", "Unknown activation link"),
    WRONG_PIN(422, "PIN aktivasi salah", "Wrong activation PIN"),
    CODE_LOCKED(423, "PIN aktivasi terkunci karena terlalu banyak percobaan salah",
            "The activation PIN is locked after too many wrong attempts"),
    CODE_EXPIRED(410, "PIN aktivasi sudah kedaluwarsa", "The activation PIN has expired"),
    CODE_REPLACED(410, "PIN aktivasi sudah diganti dengan PIN yang lebih baru",
            "The activation PIN was replaced by a newer one"),
    REGISTRATION_WITHDRAWN(410, "Pendaftaran ini sudah dibatalkan; PIN aktivasinya tidak berlaku lagi",
            "This registration was withdrawn; its activation PIN is no longer valid"),
    ALREADY_ACTIVATED(409, "Identitas sudah diaktifkan dengan PIN ini", "The identity was already activated with this PIN"),
    CAPTCHA_FAILED(400, "Verifikasi captcha gagal", "The captcha check failed"),
    SESSION_REFUSED(401, "Sesi tidak dapat dibuka", "The session cannot be opened"),
    APP_PIN_WRONG(401, "PIN aplikasi salah", "Wrong app PIN"),
    APP_PIN_LOCKED(423, "PIN aplikasi terkunci; silakan datang ke kantor Dukcapil",
            "The app PIN is locked; please visit a Dukcapil office"),
    APP_PIN_TOO_SIMPLE(422, "PIN aplikasi terlalu mudah ditebak", "The app PIN is too easy to guess"),
    APP_PIN_ALREADY_SET(409, "PIN aplikasi sudah ditetapkan", "The app PIN is already set"),
    IDENTITY_NOT_ACTIVE(403, "Identitas digital tidak aktif", "The digital identity is not active"),
    IDENTITY_NOT_FOUND(404, "Tidak ada identitas digital aktif untuk NIK ini", "No active digital identity for this NIK"),
    REFRESH_REFUSED(401, "Token penyegar tidak berlaku", "The refresh token is not valid"),
    DEACTIVATION_LINK_UNKNOWN(404, "Tautan penonaktifan tidak dikenal", "Unknown deactivation link"),
    DEACTIVATION_LINK_EXPIRED(410, "Tautan penonaktifan sudah kedaluwarsa; silakan minta tautan baru",
            "The deactivation link has expired; please ask for a new one"),
    DEACTIVATION_LINK_USED(409, "Tautan penonaktifan sudah dipakai", "The deactivation link was already used");

    private final Definition definition;

    ActivationProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
