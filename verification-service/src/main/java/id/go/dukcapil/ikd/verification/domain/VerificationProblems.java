package id.go.dukcapil.ikd.verification.domain;

import id.go.dukcapil.ikd.web.ProblemType;

/** The errors of verification-service, each with a stable code. */
public enum VerificationProblems implements ProblemType {
    INVALID_CREDENTIALS(401, "Nama pengguna atau kata sandi salah", "Wrong username or password"),
    ACCOUNT_LOCKED(423, "Akun terkunci sementara", "Account temporarily locked"),
    INVALID_COUNTER_CODE(400, "Kode loket tidak valid", "The counter code is invalid"),
    COUNTER_CODE_UNKNOWN(404, "Kode loket tidak dikenal", "Unknown counter code"),
    COUNTER_CODE_EXPIRED(410, "Kode loket sudah kedaluwarsa", "The counter code has expired"),
    COUNTER_CODE_SUPERSEDED(410, "Kode loket sudah diganti dengan kode yang lebih baru",
            "The counter code was replaced by a newer one"),
    REGISTRATION_SERVICE_UNAVAILABLE(503, "Kode loket tidak dapat dipastikan saat ini; coba lagi",
            "The counter code cannot be confirmed right now; try again"),
    CASE_NOT_FOUND(404, "Kasus verifikasi tidak ditemukan", "Verification case not found"),
    CASE_OF_ANOTHER_OFFICE(403, "Kasus ini ditangani kantor lain", "This case belongs to another office"),
    CASE_ALREADY_DECIDED(409, "Kasus ini sudah diputuskan", "This case has already been decided"),
    CASE_CLOSED(409, "Kasus ini sudah ditutup", "This case is closed"),
    CASE_NOT_SCANNED(409, "Pindai kode loket pemohon terlebih dahulu", "Scan the citizen's counter code first"),
    CASE_NOT_AWAITING_CENTRAL(409, "Kasus ini tidak menunggu verifikasi pusat",
            "This case is not waiting for central verification"),
    CASE_CHANGED(409, "Kasus diubah bersamaan oleh petugas lain; muat ulang", "The case was changed concurrently; reload"),
    APPROVAL_BLOCKED(422, "Data registri tidak mengizinkan persetujuan", "The registry record does not allow approval"),
    KTP_EL_NOT_CHECKED(422, "KTP-el belum dinyatakan diperiksa", "The KTP-el has not been confirmed as checked"),
    REASON_REQUIRED(422, "Alasan penolakan wajib diisi", "A rejection reason is required"),
    REASON_NOT_ALLOWED(422, "Persetujuan tidak memakai alasan penolakan", "An approval takes no rejection reason"),
    NOTE_REQUIRED(422, "Catatan wajib diisi untuk alasan lainnya", "A note is required for the reason OTHER"),
    CALL_REFERENCE_REQUIRED(422, "Referensi panggilan video wajib diisi", "The video call reference is required"),
    SAME_PERSON_REVIEW(403, "Pengaju tidak boleh memverifikasi pengajuannya sendiri",
            "The submitting operator cannot review their own submission"),
    NOT_A_CENTRAL_VERIFIER(403, "Hanya verifikator pusat atau supervisor kantor yang dapat memverifikasi",
            "Only a central verifier or the office's supervisor can review"),
    RETURN_NOTE_REQUIRED(422, "Catatan pengembalian wajib diisi", "A note for the office is required"),
    OFFICE_NOT_FOUND(404, "Kantor tidak ditemukan", "Office not found"),
    OFFICE_EXISTS(409, "Kode kantor sudah dipakai", "The office code is already in use"),
    OFFICE_AREA_TAKEN(409, "Wilayah ini sudah dilayani kantor lain", "Another office already covers this area"),
    USERNAME_TAKEN(409, "Nama pengguna sudah dipakai", "The username is already in use"),
    OPERATOR_NOT_FOUND(404, "Akun petugas tidak ditemukan", "Operator account not found"),
    INVALID_DATE_RANGE(400, "Rentang tanggal tidak valid", "Invalid date range"),
    HOLIDAY_EXISTS(409, "Tanggal ini sudah tercatat sebagai hari libur", "This date is already a holiday"),
    HOLIDAY_NOT_FOUND(404, "Tanggal ini bukan hari libur yang tercatat", "This date is not a recorded holiday"),
    RECEIPT_NOT_FOUND(404, "Nomor tanda terima tidak ditemukan", "Receipt reference not found"),
    PRESENCE_NOT_CONFIRMED(422, "Kehadiran pemohon dan pemeriksaan KTP-el belum dinyatakan",
            "The citizen's presence and the KTP-el check have not been confirmed"),
    CONTACT_UNCHANGED(422, "Kontak baru sama dengan kontak sekarang", "The new contact is the same as the current one"),
    CONTACT_NOT_CORRECTABLE(409, "Kontak kasus ini tidak dapat dikoreksi lagi",
            "This case's contact can no longer be corrected"),
    COMPLAINT_NOT_FOUND(404, "Aduan tidak ditemukan", "Complaint not found"),
    COMPLAINT_OF_ANOTHER_OFFICE(403, "Aduan ini ditangani kantor lain", "This complaint belongs to another office"),
    COMPLAINT_CLOSED(409, "Aduan ini sudah ditutup", "This complaint is closed"),
    COMPLAINT_STATUS_NOT_ALLOWED(409, "Status aduan tidak dapat diubah ke status ini",
            "The complaint cannot move to this status"),
    ANSWER_REQUIRED(422, "Jawaban wajib diisi untuk menutup aduan", "An answer is required to close a complaint"),
    CONTACT_REQUIRED(422, "Isi email atau nomor ponsel untuk menerima nomor tiket",
            "Give an email or a mobile number to receive the ticket number"),
    CAPTCHA_FAILED(400, "Verifikasi captcha gagal", "The captcha check failed"),
    REGISTER_TOO_LARGE(422, "Buku pelayanan terlalu panjang untuk diunduh sekaligus",
            "The service register is too long to export at once");

    private final Definition definition;

    VerificationProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
