package id.go.dukcapil.ikd.verification.domain;

import id.go.dukcapil.ikd.web.ProblemType;

/** What can go wrong when booking a video call, with a stable code each (VIDEO_CALLS_NOT_OFFERED is the call's). */
public enum VideoBookingProblems implements ProblemType {
    NOT_PENDING(409, "Pendaftaran ini tidak sedang menunggu verifikasi", "This registration is not waiting for verification"),
    SLOT_FULL(409, "Jadwal ini sudah penuh", "This slot is fully booked"),
    SLOT_PAST(409, "Jadwal ini sudah lewat", "This slot has already passed"),
    SLOT_UNKNOWN(400, "Kantor tidak membuka panggilan video pada jadwal ini",
            "The office offers no video call at this time"),
    ALREADY_BOOKED(409, "Anda sudah memesan jadwal panggilan video", "You have already booked a video call slot"),
    BOOKING_NOT_FOUND(404, "Tidak ada jadwal panggilan video yang dipesan", "No video call slot is booked"),
    BOOKING_NOT_ACTIVE(409, "Jadwal ini sudah selesai atau dibatalkan", "This booking has already ended or was cancelled"),
    SLOT_NOT_STARTED(409, "Jadwal ini belum dimulai", "This slot has not started yet"),
    CITIZEN_ON_CALL(409, "Pemohon sedang berada di panggilan video", "The citizen is on the video call");

    private final Definition definition;

    VideoBookingProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
