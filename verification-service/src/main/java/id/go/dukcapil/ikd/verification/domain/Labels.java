package id.go.dukcapil.ikd.verification.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.web.Bilingual;

/**
 * People's words for every code the portal and its CSV show: Bahasa Indonesia first, English
 * second. One map per kind of code, so that a code means one thing in each.
 */
public final class Labels {

    private Labels() {
    }

    static final Map<String, Bilingual> CASE_STATUS = Map.of(
            CaseStatus.QUEUED.name(), new Bilingual("Menunggu pemohon di loket", "Waiting for the citizen"),
            CaseStatus.IN_REVIEW.name(), new Bilingual("Sedang diverifikasi", "Being verified"),
            CaseStatus.AWAITING_CENTRAL.name(), new Bilingual("Menunggu verifikasi pusat", "Awaiting central verification"),
            CaseStatus.APPROVED.name(), new Bilingual("Disetujui", "Approved"),
            CaseStatus.REJECTED.name(), new Bilingual("Ditolak", "Rejected"),
            CaseStatus.WITHDRAWN.name(), new Bilingual("Dibatalkan pemohon", "Withdrawn"),
            CaseStatus.SUPERSEDED.name(), new Bilingual("Diganti pendaftaran baru", "Replaced by a new registration"),
            CaseStatus.ACTIVATED.name(), new Bilingual("IKD aktif", "IKD activated"));

    static final Map<String, Bilingual> ACTION = Map.ofEntries(
            Map.entry(ServiceAction.CASE_OPENED.name(), new Bilingual("Pendaftaran masuk", "Registration received")),
            Map.entry(ServiceAction.SCANNED.name(), new Bilingual("Kode pemohon dipindai", "Citizen's code scanned")),
            Map.entry(ServiceAction.TAKEN_OVER.name(), new Bilingual("Diambil alih kantor ini", "Taken over by this office")),
            Map.entry(ServiceAction.DECIDED.name(), new Bilingual("Diputuskan", "Decided")),
            Map.entry(ServiceAction.SUBMITTED_FOR_CENTRAL.name(), new Bilingual("Diajukan ke verifikasi pusat", "Sent for central verification")),
            Map.entry(ServiceAction.CENTRAL_REVIEWED.name(), new Bilingual("Diverifikasi pusat", "Centrally verified")),
            Map.entry(ServiceAction.RETURNED_TO_OFFICE.name(), new Bilingual("Dikembalikan ke kantor", "Returned to the office")),
            Map.entry(ServiceAction.WITHDRAWN.name(), new Bilingual("Dibatalkan pemohon", "Withdrawn")),
            Map.entry(ServiceAction.SUPERSEDED.name(), new Bilingual("Diganti pendaftaran baru", "Replaced by a new registration")),
            Map.entry(ServiceAction.ACTIVATED.name(), new Bilingual("IKD diaktifkan", "IKD activated")),
            Map.entry(ServiceAction.COMPLETED.name(), new Bilingual("Layanan selesai", "Service completed")),
            Map.entry(ServiceAction.CONTACT_CORRECTED.name(), new Bilingual("Kontak dikoreksi di loket", "Contact corrected at the counter")),
            Map.entry(ServiceAction.VIDEO_CALL_ENDED.name(), new Bilingual("Panggilan video selesai", "Video call ended")));

    static final Map<String, Bilingual> DECISION = Map.of(
            Decision.APPROVED.name(), new Bilingual("Disetujui", "Approved"),
            Decision.REJECTED.name(), new Bilingual("Ditolak", "Rejected"));

    static final Map<String, Bilingual> REASON = Map.of(
            RejectionReason.NIK_NOT_FOUND.name(), new Bilingual("NIK tidak ditemukan", "NIK not found"),
            RejectionReason.DATA_MISMATCH.name(), new Bilingual("Data tidak sesuai", "Data mismatch"),
            RejectionReason.FACE_MISMATCH.name(), new Bilingual("Wajah tidak sesuai", "Face mismatch"),
            RejectionReason.KTP_EL_NOT_SHOWN.name(), new Bilingual("KTP-el tidak ditunjukkan", "KTP-el not shown"),
            RejectionReason.NOT_RECORDED.name(), new Bilingual("Belum perekaman", "Not recorded"),
            RejectionReason.DECEASED.name(), new Bilingual("Meninggal dunia", "Deceased"),
            RejectionReason.OTHER.name(), new Bilingual("Lainnya", "Other"));

    static final Map<String, Bilingual> CHANNEL = Map.of(
            Channel.COUNTER.name(), new Bilingual("Loket", "Counter"),
            Channel.VIDEO_CALL.name(), new Bilingual("Panggilan video", "Video call"));

    static final Map<String, Bilingual> DECISION_STATE = Map.of(
            DecisionState.FINAL.name(), new Bilingual("Final", "Final"),
            DecisionState.AWAITING_CENTRAL.name(), new Bilingual("Menunggu verifikasi pusat", "Awaiting central verification"));

    static final Map<String, Bilingual> APPROVAL_MODEL = Map.of(
            ApprovalModel.LOCAL.name(), new Bilingual("Persetujuan di kantor", "Approved at the office"),
            ApprovalModel.CENTRAL.name(), new Bilingual("Persetujuan pusat", "Central approval"));

    /** The registry's own values (SIAK spelling): KTP-el, life and domicile status, sex. */
    static final Map<String, Bilingual> REGISTRY = Map.of(
            Resident.PRINTED, new Bilingual("Sudah dicetak", "Printed"),
            Resident.RECORDED_NOT_PRINTED, new Bilingual("Sudah perekaman, belum dicetak", "Recorded, not printed"),
            Resident.NOT_RECORDED, new Bilingual("Belum perekaman", "Not recorded"),
            "ALIVE", new Bilingual("Hidup", "Alive"),
            "DECEASED", new Bilingual("Meninggal dunia", "Deceased"),
            "RESIDENT", new Bilingual("Penduduk setempat", "Resident here"),
            "MOVED", new Bilingual("Pindah domisili", "Moved away"),
            "LAKI-LAKI", new Bilingual("Laki-laki", "Male"),
            "PEREMPUAN", new Bilingual("Perempuan", "Female"));

    /** Codes that notes of the buku pelayanan carry (an outcome, a withdrawal reason). */
    static final Map<String, Bilingual> NOTE_CODES = Map.of(
            Decision.APPROVED.name(), new Bilingual("Disetujui", "Approved"),
            Decision.REJECTED.name(), new Bilingual("Ditolak", "Rejected"),
            WithdrawalReason.CITIZEN_REQUEST.name(), new Bilingual("Dibatalkan pemohon", "Cancelled by the citizen"),
            WithdrawalReason.SUPERSEDED.name(), new Bilingual("Diganti pendaftaran baru", "Replaced by a new registration"),
            WithdrawalReason.EXPIRED.name(), new Bilingual("Kedaluwarsa", "Expired"));

    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b");

    /** A note of the buku pelayanan with every code it holds in words ("reason EXPIRED": "alasan / reason Kedaluwarsa / Expired"). */
    public static String note(String note) {
        if (note == null) {
            return null;
        }
        String words = CODE.matcher(note).replaceAll(match -> {
            Bilingual label = NOTE_CODES.get(match.group());
            return Matcher.quoteReplacement(label == null ? match.group() : label.plain());
        });
        return words.startsWith("reason ") ? "alasan / reason: " + words.substring("reason ".length()) : words;
    }

    public static Bilingual caseStatus(String code) {
        return of(CASE_STATUS, code);
    }

    public static Bilingual action(String code) {
        return of(ACTION, code);
    }

    public static Bilingual decision(String code) {
        return of(DECISION, code);
    }

    public static Bilingual reason(String code) {
        return of(REASON, code);
    }

    public static Bilingual channel(String code) {
        return of(CHANNEL, code);
    }

    public static Bilingual decisionState(String code) {
        return of(DECISION_STATE, code);
    }

    public static Bilingual approvalModel(String code) {
        return of(APPROVAL_MODEL, code);
    }

    public static Bilingual registry(String code) {
        return of(REGISTRY, code);
    }

    /** An SLA step: 3, 4, 5 as in the SOPs, 99 for the whole service. */
    public static Bilingual sopStep(int step) {
        return switch (step) {
            case 3 -> new Bilingual("3 · Verifikasi di loket/panggilan video", "3 · Verification at the counter/video call");
            case 4 -> new Bilingual("4 · Verifikasi pusat", "4 · Central verification");
            case 5 -> new Bilingual("5 · PIN dan aktivasi", "5 · PIN and activation");
            case 99 -> new Bilingual("Seluruh layanan", "Whole service");
            default -> new Bilingual("Langkah " + step, "Step " + step);
        };
    }

    /** A code no map knows (a newer value): shown as it is rather than hidden. */
    private static Bilingual of(Map<String, Bilingual> labels, String code) {
        if (code == null) {
            return null;
        }
        Bilingual label = labels.get(code);
        return label != null ? label : new Bilingual(code, code);
    }
}
