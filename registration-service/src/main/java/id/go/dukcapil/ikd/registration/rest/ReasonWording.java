package id.go.dukcapil.ikd.registration.rest;

import id.go.dukcapil.ikd.web.Bilingual;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.registration.domain.TimelineChange;

/**
 * Why a registration was rejected or an identity revoked, and what the citizen does next, in
 * words; the office that decided is named where it is known (mirrors notification-service's
 * reason templates, which say the same in the emails and SMS).
 */
final class ReasonWording {

    private ReasonWording() {
    }

    /** A reason code the app got, e.g. {@code FACE_MISMATCH}; an unknown one reads as OTHER. */
    static RejectionReason rejection(String code) {
        try {
            return code == null ? RejectionReason.OTHER : RejectionReason.valueOf(code);
        } catch (IllegalArgumentException e) {
            return RejectionReason.OTHER;
        }
    }

    static Bilingual rejectionReason(RejectionReason reason) {
        return switch (reason) {
            case NIK_NOT_FOUND -> new Bilingual("NIK yang Anda daftarkan tidak ada dalam data kependudukan (SIAK).",
                    "The NIK you registered is not in the population registry (SIAK).");
            case DATA_MISMATCH -> new Bilingual("Data pendaftaran Anda tidak sesuai dengan data kependudukan atau KTP-el.",
                    "Your registration does not match the population registry or your KTP-el.");
            case FACE_MISMATCH -> new Bilingual("Wajah Anda tidak cocok dengan foto dalam data kependudukan.",
                    "Your face did not match the photo in the population registry.");
            case KTP_EL_NOT_SHOWN -> new Bilingual("KTP-el fisik tidak ditunjukkan saat verifikasi.",
                    "The physical KTP-el was not shown during verification.");
            case NOT_RECORDED -> new Bilingual("Perekaman KTP-el (sidik jari, iris dan foto) Anda belum dilakukan.",
                    "Your KTP-el recording (fingerprints, iris and photo) has not been done yet.");
            case DECEASED -> new Bilingual("Data kependudukan untuk NIK ini tidak dapat diaktifkan.",
                    "The population record of this NIK cannot be activated.");
            case OTHER -> new Bilingual("Pendaftaran Anda belum memenuhi persyaratan.",
                    "Your registration does not meet the requirements yet.");
        };
    }

    static NextStep rejectionNextStep(RejectionReason reason, TimelineChange.Office office) {
        String at = officeId(office);
        String to = officeEn(office);
        return switch (reason) {
            case NIK_NOT_FOUND -> NextStep.registerAgain(
                    "Periksa NIK pada KTP-el atau Kartu Keluarga, lalu daftar ulang. Jika NIK sudah benar, datang ke "
                            + at + " dengan KTP-el dan Kartu Keluarga.",
                    "Check the NIK on your KTP-el or family card and register again. If the NIK is right, go to "
                            + to + " with your KTP-el and family card.");
            case DATA_MISMATCH -> NextStep.registerAgain(
                    "Daftar ulang dengan data persis seperti pada KTP-el. Jika data kependudukan Anda perlu diperbaiki, "
                            + "datang ke " + at + " dengan KTP-el dan Kartu Keluarga.",
                    "Register again with the data exactly as on your KTP-el. If your registry data needs correcting, "
                            + "go to " + to + " with your KTP-el and family card.");
            case FACE_MISMATCH -> NextStep.registerAgain(
                    "Daftar ulang dengan swafoto yang jelas: wajah terlihat penuh, cahaya cukup, tanpa masker atau "
                            + "kacamata gelap.",
                    "Register again with a clear selfie: whole face visible, good light, no mask or dark glasses.");
            case KTP_EL_NOT_SHOWN -> NextStep.registerAgain(
                    "Daftar ulang, lalu datang ke " + at + " dengan membawa KTP-el fisik Anda.",
                    "Register again, then go to " + to + " and bring your physical KTP-el.");
            case NOT_RECORDED -> NextStep.registerAgain(
                    "Lakukan perekaman KTP-el di " + at + " atau kantor kecamatan, lalu daftar ulang.",
                    "Have your KTP-el recording done at " + to + " or a sub-district office, then register again.");
            case DECEASED -> NextStep.only(
                    "Datang ke " + at + " dengan KTP-el dan Kartu Keluarga untuk pemeriksaan data.",
                    "Go to " + to + " with your KTP-el and family card so that the record can be checked.");
            case OTHER -> NextStep.registerAgain(
                    "Hubungi " + at + " untuk penjelasan, lalu daftar ulang.",
                    "Contact " + to + " for an explanation, then register again.");
        };
    }

    static RevocationReason revocation(String code) {
        try {
            return code == null ? RevocationReason.OPERATOR : RevocationReason.valueOf(code);
        } catch (IllegalArgumentException e) {
            return RevocationReason.OPERATOR;
        }
    }

    static Bilingual revocationReason(RevocationReason reason) {
        return switch (reason) {
            case REPLACED_BY_NEW_DEVICE -> new Bilingual(
                    "IKD Anda diaktifkan di perangkat lain, sehingga IKD di perangkat ini tidak berlaku lagi.",
                    "Your IKD was activated on another device, so the IKD on this device is no longer valid.");
            case CITIZEN_REQUEST -> new Bilingual("IKD Anda dinonaktifkan atas permintaan Anda.",
                    "Your IKD was deactivated at your request.");
            case OPERATOR -> new Bilingual("IKD Anda dinonaktifkan oleh petugas Dukcapil, misalnya karena laporan "
                    + "kehilangan ponsel.", "Your IKD was deactivated by a Dukcapil officer, for example after a lost "
                    + "phone was reported.");
            case DECEASED -> new Bilingual("IKD Anda dinonaktifkan berdasarkan pemutakhiran data kependudukan.",
                    "Your IKD was deactivated following an update of the population registry.");
        };
    }

    static NextStep revocationNextStep(RevocationReason reason, TimelineChange.Office office) {
        String at = officeId(office);
        String to = officeEn(office);
        return switch (reason) {
            case REPLACED_BY_NEW_DEVICE -> NextStep.only(
                    "Gunakan IKD di perangkat baru. Jika bukan Anda yang mengaktifkannya, segera hubungi " + at + ".",
                    "Use IKD on the new device. If you did not activate it, contact " + to + " at once.");
            case CITIZEN_REQUEST, OPERATOR -> NextStep.registerAgain(
                    "Untuk memakai IKD lagi, daftar ulang lalu ikuti verifikasi dan aktivasi. Jika Anda tidak "
                            + "memintanya, hubungi " + at + ".",
                    "To use IKD again, register again and go through verification and activation. If you did not "
                            + "ask for this, contact " + to + ".");
            case DECEASED -> NextStep.only(
                    "Datang ke " + at + " dengan KTP-el dan Kartu Keluarga untuk pemeriksaan data.",
                    "Go to " + to + " with your KTP-el and family card so that the record can be checked.");
        };
    }

    static String officeId(TimelineChange.Office office) {
        return office == null || office.name() == null ? "kantor Dinas Dukcapil terdekat" : office.name();
    }

    static String officeEn(TimelineChange.Office office) {
        return office == null || office.name() == null ? "the nearest Dukcapil office" : office.name();
    }
}
