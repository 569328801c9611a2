package id.go.dukcapil.ikd.verification.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.dukcapil.ikd.verification.domain.Complaint;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;

/** Complaints as the citizen and the office see them; times in the office's zone with its name. */
public final class ComplaintViews {

    private ComplaintViews() {
    }

    /** A category as the form offers it. */
    public record CategoryOption(String code, String id, String en) {
    }

    public static List<CategoryOption> categories() {
        return java.util.Arrays.stream(id.go.dukcapil.ikd.verification.domain.ComplaintCategory.values())
                .map(c -> new CategoryOption(c.name(), c.words().id(), c.words().en())).toList();
    }

    /** What the citizen gets on filing. */
    @Schema(example = """
            {"ticket": "ADU-6305-DISDUKCAPIL-20261204-3", "status": "RECEIVED", "officeCode": "6305-DISDUKCAPIL", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
             "dueAt": "11-12-2026 16:00 WITA"}""")
    public record Filed(String ticket, String status, String officeCode, String officeName, String dueAt) {
    }

    /** The citizen's view of their complaint: no notes, assignee or operator. */
    @Schema(example = """
            {"ticket": "ADU-6305-DISDUKCAPIL-20261204-3", "status": "VERIFYING", "statusId": "Verifikasi Aduan",
             "statusEn": "Verifying the complaint", "category": "SERVICE", "officeCode": "6305-DISDUKCAPIL", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
             "timeZone": "WITA", "filedAt": "04-12-2026 10:30 WITA", "dueAt": "11-12-2026 16:00 WITA", "closedAt": null,
             "answer": null,
             "steps": [{"status": "RECEIVED", "statusId": "Diterima", "statusEn": "Received", "at": "04-12-2026 10:30 WITA"},
                       {"status": "VERIFYING", "statusId": "Verifikasi Aduan", "statusEn": "Verifying the complaint",
                        "at": "04-12-2026 13:05 WITA"}]}""")
    public record CitizenView(String ticket, String status, String statusId, String statusEn, String category,
            String officeCode, String officeName, String timeZone, String filedAt, String dueAt, String closedAt,
            String answer, List<Step> steps) {
    }

    /** A status the complaint went through, and when. */
    public record Step(String status, String statusId, String statusEn, String at) {
    }

    /** The office's view: everything, with the history. */
    @Schema(name = "ComplaintOfficeView", example = """
            {"id": "4d6f8a1c-3e5b-4c7d-9a2e-6b8c0d1f3a5e", "ticket": "ADU-6305-DISDUKCAPIL-20261204-3", "status": "VERIFYING",
             "statusId": "Verifikasi Aduan", "statusEn": "Verifying the complaint", "category": "SERVICE",
             "categoryId": "Pelayanan di kantor", "categoryEn": "Service at the office",
             "text": "Saya sudah dua kali datang ke loket IKD tetapi petugasnya tidak ada.",
             "registrationReference": "IKD-7K3M-Q9TX-2BHC", "email": "siti.rahmawati@example.id", "phone": "081234567890",
             "language": "id", "assignee": "tapin.supervisor", "answer": null, "officeCode": "6305-DISDUKCAPIL",
             "timeZone": "WITA", "filedAt": "04-12-2026 10:30 WITA", "dueAt": "11-12-2026 16:00 WITA", "closedAt": null,
             "overdue": false,
             "history": [{"author": "tapin.supervisor", "status": "VERIFYING", "assignee": "tapin.supervisor",
                          "note": "Dicek dengan jadwal petugas loket.", "at": "04-12-2026 13:05 WITA"}]}""")
    public record OfficeView(String id, String ticket, String status, String statusId, String statusEn, String category,
            String categoryId, String categoryEn, String text, String registrationReference, String email, String phone,
            String language, String assignee, String answer, String officeCode, String timeZone, String filedAt,
            String dueAt, String closedAt, boolean overdue, List<NoteView> history) {
    }

    public record NoteView(String author, String status, String assignee, String note, String at) {
    }

    public static Filed filed(Complaint c) {
        return new Filed(c.ticket(), c.status().name(), c.officeCode(), c.officeName(), local(c.dueAt(), c.zone()));
    }

    public static CitizenView citizen(Complaint c, List<Complaint.Note> history) {
        List<Step> steps = history.stream().filter(n -> n.status() != null)
                .map(n -> new Step(n.status().name(), n.status().words().id(), n.status().words().en(), local(n.at(), c.zone()))).toList();
        return new CitizenView(c.ticket(), c.status().name(), c.status().words().id(), c.status().words().en(), c.category().name(),
                c.officeCode(), c.officeName(), c.zone().name(), local(c.filedAt(), c.zone()), local(c.dueAt(), c.zone()),
                local(c.closedAt(), c.zone()), c.answer(), steps);
    }

    public static OfficeView office(Complaint c, List<Complaint.Note> history, Instant now) {
        return new OfficeView(c.id().toString(), c.ticket(), c.status().name(), c.status().words().id(), c.status().words().en(),
                c.category().name(), c.category().words().id(), c.category().words().en(), c.body(), c.registrationReference(), c.email(),
                c.phone(), c.language(), c.assignee(), c.answer(), c.officeCode(), c.zone().name(),
                local(c.filedAt(), c.zone()), local(c.dueAt(), c.zone()), local(c.closedAt(), c.zone()), c.overdue(now),
                history.stream().map(n -> new NoteView(n.author(), n.status() == null ? null : n.status().name(),
                        n.assignee(), n.note(), local(n.at(), c.zone()))).toList());
    }

    /** "04-12-2026 09:15 WITA", or null. */
    public static String local(Instant at, OfficeTimeZone zone) {
        return ReceiptCheckResource.local(at, zone.name());
    }
}
