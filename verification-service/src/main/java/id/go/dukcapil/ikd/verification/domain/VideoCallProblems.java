package id.go.dukcapil.ikd.verification.domain;

import id.go.dukcapil.ikd.web.ProblemType;

/** What can go wrong with a video call, with a stable code each. */
public enum VideoCallProblems implements ProblemType {
    VIDEO_CALLS_NOT_OFFERED(409, "Kantor ini tidak melayani verifikasi lewat panggilan video",
            "This office does not verify by video call"),
    CALL_NOT_FOUND(404, "Panggilan video tidak ditemukan", "Video call not found"),
    CALL_TOKEN_INVALID(401, "Tautan panggilan tidak sah atau sudah diganti", "The call link is invalid or was replaced"),
    CALL_ENDED(410, "Panggilan video sudah berakhir", "The video call has ended"),
    CALL_TAKEN(409, "Panggilan ini sudah dijawab petugas lain", "Another operator already answered this call"),
    CALL_NOT_ANSWERED(409, "Panggilan belum dijawab petugas", "The call has not been answered yet"),
    CONSENT_REQUIRED(409, "Pemohon belum menyetujui verifikasi lewat video",
            "The citizen has not agreed to verification by video"),
    SIGNAL_INVALID(400, "Pesan sinyal panggilan tidak sah", "Invalid call signalling message"),
    CALL_STREAMS_EXCEEDED(429, "Panggilan ini sudah terbuka di terlalu banyak halaman",
            "This call is already open in too many pages");

    private final Definition definition;

    VideoCallProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
