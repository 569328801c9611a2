package id.go.dukcapil.ikd.registration.rest;

import id.go.dukcapil.ikd.web.Bilingual;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.registration.domain.TimelineChange;
import id.go.dukcapil.ikd.registration.domain.TimelineKind;
import id.go.dukcapil.ikd.registration.service.Withdrawals;

/**
 * What a timeline step says to the citizen: a sentence for what happened, the reason in words
 * when there is one, and the next step. The app shows these, never the codes beside them.
 */
final class TimelineWording {

    /** The words of one step; {@code reason} and {@code nextStep} may be null. */
    record Words(Bilingual text, Bilingual reason, NextStep nextStep) {
    }

    private TimelineWording() {
    }

    static Words of(TimelineChange change) {
        TimelineKind kind = kind(change.kind());
        if (kind == null) {
            return new Words(new Bilingual("Status pendaftaran diperbarui.", "The registration status was updated."), null,
                    null);
        }
        return switch (kind) {
            case SUBMITTED -> text("Pendaftaran diterima. Tunjukkan kode loket kepada petugas Dukcapil untuk verifikasi.",
                    "Registration received. Show the counter code to a Dukcapil officer for verification.");
            case CENTRAL_REVIEW_PENDING -> text("Menunggu verifikasi pusat. Petugas kantor sudah memeriksa data Anda; "
                    + "verifikator Ditjen Dukcapil memutuskannya.", "Awaiting central verification. The office has "
                    + "checked your data; a Ditjen Dukcapil verifier decides on it.");
            case CENTRAL_REVIEW_RETURNED -> new Words(new Bilingual("Verifikasi pusat mengembalikan data Anda ke kantor "
                    + "untuk diperiksa ulang.", "Central verification sent your data back to the office to be checked "
                    + "again."), null, NextStep.only("Petugas kantor dapat menghubungi Anda; tidak ada yang "
                    + "perlu Anda lakukan sekarang.", "The office may contact you; there is nothing you need to do now."));
            case APPROVED -> text("Data Anda disetujui. PIN aktivasi akan dikirim ke email Anda.",
                    "Your data was approved. The activation PIN will be sent to your email.");
            case REJECTED -> {
                RejectionReason reason = ReasonWording.rejection(change.reasonCode());
                yield new Words(new Bilingual("Verifikasi belum disetujui.", "Verification was not approved."),
                        ReasonWording.rejectionReason(reason), ReasonWording.rejectionNextStep(reason, change.office()));
            }
            case ACTIVATION_CODE_ISSUED -> text("PIN aktivasi sudah dibuat dan sedang dikirim kepada Anda.",
                    "The activation PIN was created and is being sent to you.");
            case NOTIFICATION_SENT -> sent(change);
            case NOTIFICATION_RETRYING -> text(
                    "Pesan " + channel(change) + " belum terkirim; kami mencoba lagi secara otomatis.",
                    "The " + channel(change) + " message has not gone out yet; it is retried automatically.");
            case NOTIFICATION_FAILED -> new Words(new Bilingual(
                    "Pesan " + channel(change) + " tidak dapat dikirim" + to(change) + ".",
                    "The " + channel(change) + " message could not be delivered" + to(change) + "."), null,
                    NextStep.only("Jika pesan itu tidak Anda terima juga, hubungi "
                            + ReasonWording.officeId(change.office()) + ".", "If it still does not reach you, contact "
                            + ReasonWording.officeEn(change.office()) + "."));
            case ACTIVATED -> text("IKD Anda aktif. Masukkan PIN aplikasi untuk menampilkan QR IKD.",
                    "Your IKD is active. Enter the app PIN to show the IKD QR.");
            case REVOKED -> {
                RevocationReason reason = ReasonWording.revocation(change.reasonCode());
                yield new Words(new Bilingual("IKD Anda sudah dicabut dan tidak berlaku lagi.",
                        "Your IKD was revoked and is no longer valid."),
                        ReasonWording.revocationReason(reason), ReasonWording.revocationNextStep(reason, change.office()));
            }
            case WITHDRAWN -> new Words(new Bilingual("Anda membatalkan pendaftaran ini.",
                    "You withdrew this registration."), null, NextStep.registerAgain(
                    "Anda dapat mendaftar lagi kapan saja.", "You can register again at any time."));
            case SUPERSEDED -> superseded(change);
            case EXPIRED -> new Words(new Bilingual("Pendaftaran kedaluwarsa karena belum diverifikasi tepat waktu.",
                    "The registration expired because it was not verified in time."), null, registerAndVerifyAgain());
            case APPROVAL_LAPSED -> new Words(new Bilingual("Persetujuan berakhir karena IKD tidak diaktifkan tepat "
                    + "waktu. PIN aktivasi tidak berlaku lagi, dan data pendaftaran ini akan dihapus.",
                    "The approval ended because the IKD was not activated in time. The activation PIN is no longer "
                            + "valid, and this registration's data will be deleted."), null, registerAndVerifyAgain());
            case VIDEO_CALL_BOOKED -> new Words(new Bilingual("Panggilan video dengan petugas" + office(change)
                    + " dijadwalkan.", "A video call with an officer" + office(change) + " is booked."), null,
                    NextStep.only("Pada waktunya, buka Panggilan video dan siapkan KTP-el Anda.",
                            "At that time, open Video call and have your KTP-el ready."));
            case VIDEO_CALL_CANCELLED -> new Words(new Bilingual("Jadwal panggilan video dibatalkan.",
                    "The video call appointment was cancelled."), null, NextStep.only("Pesan jadwal baru, atau datang "
                    + "ke loket Dukcapil dengan KTP-el.", "Book a new appointment, or visit a Dukcapil counter with "
                    + "your KTP-el."));
            case VIDEO_CALL_MISSED -> new Words(new Bilingual("Anda tidak bergabung pada jadwal panggilan video.",
                    "You did not join the video call appointment."), null, NextStep.only("Pesan jadwal baru, atau "
                    + "datang ke loket Dukcapil dengan KTP-el.", "Book a new appointment, or visit a Dukcapil counter "
                    + "with your KTP-el."));
            case SELFIE_ERASED -> text("Swafoto Anda sudah dihapus karena tidak diperlukan lagi.",
                    "Your selfie was deleted because it is no longer needed.");
            case CONTACT_CORRECTED -> text("Kontak diperbarui di kantor" + office(change)
                    + ". Pesan berikutnya dikirim ke kontak yang baru.", "Contact updated at the office"
                    + office(change) + ". Further messages go to the new contact.");
        };
    }

    private static NextStep registerAndVerifyAgain() {
        return NextStep.registerAgain("Daftar ulang, lalu datang ke loket Dukcapil atau ikuti panggilan video dengan "
                + "petugas.", "Register again, then go to a Dukcapil counter or join a video call with an officer.");
    }

    private static Words sent(TimelineChange change) {
        if ("ACTIVATION_CODE".equals(change.messageKind())) {
            return text("PIN aktivasi terkirim lewat " + channel(change) + to(change)
                    + ". Buka tautan di pesan itu untuk mengaktifkan IKD.", "The activation PIN was sent by "
                    + channel(change) + to(change) + ". Open the link in that message to activate your IKD.");
        }
        return text("Pesan terkirim lewat " + channel(change) + to(change) + ".",
                "A message was sent by " + channel(change) + to(change) + ".");
    }

    private static Words superseded(TimelineChange change) {
        if (Withdrawals.SUPERSEDED_AT_COUNTER.equals(change.reasonCode())) {
            return new Words(new Bilingual("Pendaftaran lain untuk NIK Anda disetujui di loket, sehingga pendaftaran "
                    + "ini ditutup.", "Another registration of your NIK was approved at the counter, so this one was "
                    + "closed."), null, NextStep.only("Gunakan perangkat yang pendaftarannya disetujui. Jika "
                    + "itu bukan Anda, hubungi kantor Dinas Dukcapil terdekat.", "Use the device whose registration "
                    + "was approved. If that was not you, contact the nearest Dukcapil office."));
        }
        return text("Pendaftaran ini digantikan oleh pendaftaran yang lebih baru.",
                "This registration was replaced by a newer one.");
    }

    private static Words text(String id, String en) {
        return new Words(new Bilingual(id, en), null, null);
    }

    private static String office(TimelineChange change) {
        return change.office() == null ? "" : " (" + change.office().name() + ")";
    }

    private static String to(TimelineChange change) {
        return change.recipient() == null ? "" : " (" + change.recipient() + ")";
    }

    private static String channel(TimelineChange change) {
        return "SMS".equals(change.channel()) ? "SMS" : "email";
    }

    private static TimelineKind kind(String name) {
        try {
            return TimelineKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
