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
    STILLS_CONSENT_REQUIRED(409, "Pemohon belum menyetujui pengambilan foto dari panggilan",
            "The citizen has not agreed to stills being captured from the call"),
    STILLS_LIMIT_REACHED(409, "Batas foto untuk panggilan ini sudah tercapai", "This call already has as many stills as allowed"),
    STILL_INVALID(422, "Foto dari panggilan tidak dapat diterima", "The still from the call cannot be accepted"),
    STILL_TOO_LARGE(413, "Foto dari panggilan terlalu besar", "The still from the call is too large"),
    STILL_NOT_FOUND(404, "Foto tidak ditemukan", "Still not found"),
    STILLS_NOT_CONFIGURED(503, "Pengambilan foto dari panggilan belum diaktifkan di layanan ini",
            "Capturing stills from calls is not set up on this service"),
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
