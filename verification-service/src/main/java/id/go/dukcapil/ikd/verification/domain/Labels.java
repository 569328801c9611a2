package id.go.dukcapil.ikd.verification.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.WithdrawalReason;

/**
 * People's words for every code the portal and its CSV show: Bahasa Indonesia first, English
 * second. One map per kind of code, so that a code means one thing in each.
 */
public final class Labels {

    /** A code in words. */
    public record Label(String id, String en) {
        /** "Indonesian / English", for plain text (CSV). */
        public String plain() {
            return id.equals(en) ? id : id + " / " + en;
        }
    }

    private Labels() {
    }

    static final Map<String, Label> CASE_STATUS = Map.of(
            CaseStatus.QUEUED.name(), new Label("Menunggu pemohon di loket", "Waiting for the citizen"),
            CaseStatus.IN_REVIEW.name(), new Label("Sedang diverifikasi", "Being verified"),
            CaseStatus.AWAITING_CENTRAL.name(), new Label("Menunggu verifikasi pusat", "Awaiting central verification"),
            CaseStatus.APPROVED.name(), new Label("Disetujui", "Approved"),
            CaseStatus.REJECTED.name(), new Label("Ditolak", "Rejected"),
            CaseStatus.WITHDRAWN.name(), new Label("Dibatalkan pemohon", "Withdrawn"),
            CaseStatus.SUPERSEDED.name(), new Label("Diganti pendaftaran baru", "Replaced by a new registration"),
            CaseStatus.ACTIVATED.name(), new Label("IKD aktif", "IKD activated"));

    static final Map<String, Label> ACTION = Map.ofEntries(
            Map.entry(ServiceAction.CASE_OPENED.name(), new Label("Pendaftaran masuk", "Registration received")),
            Map.entry(ServiceAction.SCANNED.name(), new Label("Kode pemohon dipindai", "Citizen's code scanned")),
            Map.entry(ServiceAction.TAKEN_OVER.name(), new Label("Diambil alih kantor ini", "Taken over by this office")),
            Map.entry(ServiceAction.DECIDED.name(), new Label("Diputuskan", "Decided")),
            Map.entry(ServiceAction.SUBMITTED_FOR_CENTRAL.name(), new Label("Diajukan ke verifikasi pusat", "Sent for central verification")),
            Map.entry(ServiceAction.CENTRAL_REVIEWED.name(), new Label("Diverifikasi pusat", "Centrally verified")),
            Map.entry(ServiceAction.RETURNED_TO_OFFICE.name(), new Label("Dikembalikan ke kantor", "Returned to the office")),
            Map.entry(ServiceAction.WITHDRAWN.name(), new Label("Dibatalkan pemohon", "Withdrawn")),
            Map.entry(ServiceAction.SUPERSEDED.name(), new Label("Diganti pendaftaran baru", "Replaced by a new registration")),
            Map.entry(ServiceAction.ACTIVATED.name(), new Label("IKD diaktifkan", "IKD activated")),
            Map.entry(ServiceAction.COMPLETED.name(), new Label("Layanan selesai", "Service completed")),
            Map.entry(ServiceAction.CONTACT_CORRECTED.name(), new Label("Kontak dikoreksi di loket", "Contact corrected at the counter")));

    static final Map<String, Label> DECISION = Map.of(
            Decision.APPROVED.name(), new Label("Disetujui", "Approved"),
            Decision.REJECTED.name(), new Label("Ditolak", "Rejected"));

    static final Map<String, Label> REASON = Map.of(
            RejectionReason.NIK_NOT_FOUND.name(), new Label("NIK tidak ditemukan", "NIK not found"),
            RejectionReason.DATA_MISMATCH.name(), new Label("Data tidak sesuai", "Data mismatch"),
            RejectionReason.FACE_MISMATCH.name(), new Label("Wajah tidak sesuai", "Face mismatch"),
            RejectionReason.KTP_EL_NOT_SHOWN.name(), new Label("KTP-el tidak ditunjukkan", "KTP-el not shown"),
            RejectionReason.NOT_RECORDED.name(), new Label("Belum perekaman", "Not recorded"),
            RejectionReason.DECEASED.name(), new Label("Meninggal dunia", "Deceased"),
            RejectionReason.OTHER.name(), new Label("Lainnya", "Other"));

    static final Map<String, Label> CHANNEL = Map.of(
            Channel.COUNTER.name(), new Label("Loket", "Counter"),
            Channel.VIDEO_CALL.name(), new Label("Panggilan video", "Video call"));

    static final Map<String, Label> DECISION_STATE = Map.of(
            DecisionState.FINAL.name(), new Label("Final", "Final"),
            DecisionState.AWAITING_CENTRAL.name(), new Label("Menunggu verifikasi pusat", "Awaiting central verification"));

    static final Map<String, Label> APPROVAL_MODEL = Map.of(
            ApprovalModel.LOCAL.name(), new Label("Persetujuan di kantor", "Approved at the office"),
            ApprovalModel.CENTRAL.name(), new Label("Persetujuan pusat", "Central approval"));

    /** The registry's own values (SIAK spelling): KTP-el, life and domicile status, sex. */
    static final Map<String, Label> REGISTRY = Map.of(
            Resident.PRINTED, new Label("Sudah dicetak", "Printed"),
            Resident.RECORDED_NOT_PRINTED, new Label("Sudah perekaman, belum dicetak", "Recorded, not printed"),
            Resident.NOT_RECORDED, new Label("Belum perekaman", "Not recorded"),
            "ALIVE", new Label("Hidup", "Alive"),
            "DECEASED", new Label("Meninggal dunia", "Deceased"),
            "RESIDENT", new Label("Penduduk setempat", "Resident here"),
            "MOVED", new Label("Pindah domisili", "Moved away"),
            "LAKI-LAKI", new Label("Laki-laki", "Male"),
            "PEREMPUAN", new Label("Perempuan", "Female"));

    /** Codes that notes of the buku pelayanan carry (an outcome, a withdrawal reason). */
    static final Map<String, Label> NOTE_CODES = Map.of(
            Decision.APPROVED.name(), new Label("Disetujui", "Approved"),
            Decision.REJECTED.name(), new Label("Ditolak", "Rejected"),
            WithdrawalReason.CITIZEN_REQUEST.name(), new Label("Dibatalkan pemohon", "Cancelled by the citizen"),
            WithdrawalReason.SUPERSEDED.name(), new Label("Diganti pendaftaran baru", "Replaced by a new registration"),
            WithdrawalReason.EXPIRED.name(), new Label("Kedaluwarsa", "Expired"));

    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b");

    /** A note of the buku pelayanan with every code it holds in words ("reason EXPIRED": "alasan / reason Kedaluwarsa / Expired"). */
    public static String note(String note) {
        if (note == null) {
            return null;
        }
        String words = CODE.matcher(note).replaceAll(match -> {
            Label label = NOTE_CODES.get(match.group());
            return Matcher.quoteReplacement(label == null ? match.group() : label.plain());
        });
        return words.startsWith("reason ") ? "alasan / reason: " + words.substring("reason ".length()) : words;
    }

    public static Label caseStatus(String code) {
        return of(CASE_STATUS, code);
    }

    public static Label action(String code) {
        return of(ACTION, code);
    }

    public static Label decision(String code) {
        return of(DECISION, code);
    }

    public static Label reason(String code) {
        return of(REASON, code);
    }

    public static Label channel(String code) {
        return of(CHANNEL, code);
    }

    public static Label decisionState(String code) {
        return of(DECISION_STATE, code);
    }

    public static Label approvalModel(String code) {
        return of(APPROVAL_MODEL, code);
    }

    public static Label registry(String code) {
        return of(REGISTRY, code);
    }

    /** An SLA step: 3, 4, 5 as in the SOPs, 99 for the whole service. */
    public static Label sopStep(int step) {
        return switch (step) {
            case 3 -> new Label("3 · Verifikasi di loket/panggilan video", "3 · Verification at the counter/video call");
            case 4 -> new Label("4 · Verifikasi pusat", "4 · Central verification");
            case 5 -> new Label("5 · PIN dan aktivasi", "5 · PIN and activation");
            case 99 -> new Label("Seluruh layanan", "Whole service");
            default -> new Label("Langkah " + step, "Step " + step);
        };
    }

    /** A code no map knows (a newer value): shown as it is rather than hidden. */
    private static Label of(Map<String, Label> labels, String code) {
        if (code == null) {
            return null;
        }
        Label label = labels.get(code);
        return label != null ? label : new Label(code, code);
    }
}
