package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.ApprovalModel;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.OfficeChannel;
import id.go.dukcapil.ikd.verification.domain.OfficeListing;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.ReceiptReference;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository.WorkingDayStandards;
import id.go.dukcapil.ikd.verification.repository.OfficeDirectoryRepository;
import id.go.dukcapil.ikd.verification.repository.ServiceRegisterRepository;
import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.Masking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What the counter prints for a case (SOP seed 004, "Pengisian Formulir Permohonan oleh Pemohon"):
 * the pre-filled request form the citizen signs, and the receipt (tanda terima) with the case's
 * reference, the office's service standards and its complaint channels. Both PDF, Bahasa Indonesia
 * first, rendered in the {@value #BULKHEAD} bulkhead (CPU work, never on the event loop).
 */
@ApplicationScoped
public class CounterDocuments {

    static final String BULKHEAD = "pdf-render";
    /** The public page where a receipt's reference is checked. */
    public static final String CHECK_PAGE = "/cek-layanan";
    static final String SERVICE_ID = "Aktivasi Identitas Kependudukan Digital (IKD)";
    static final String SERVICE_EN = "Digital Population Identity (IKD) activation";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final CaseQueries queries;
    private final ServiceRegisterRepository register;
    private final OfficeDirectoryRepository directory;
    private final CalendarRepository calendar;
    private final Bulkheads bulkheads;
    private final VerificationConfig config;
    private final AuditLog audit;

    public CounterDocuments(CaseQueries queries, ServiceRegisterRepository register,
            OfficeDirectoryRepository directory, CalendarRepository calendar, Bulkheads bulkheads,
            VerificationConfig config, AuditLog audit) {
        this.audit = audit;
        this.queries = queries;
        this.register = register;
        this.directory = directory;
        this.calendar = calendar;
        this.bulkheads = bulkheads;
        this.config = config;
    }

    /** A printed document: its file name and bytes. */
    public record Printed(String fileName, String reference, byte[] pdf) {
    }

    /** Everything both prints need, read before rendering starts. */
    record Facts(VerificationCase c, Office office, OfficeListing listing, WorkingDayStandards standards,
            String citizenName, String operatorName, String reference, String checkUrl) {
    }

    /** The request form of a case the operator may see, for the citizen to sign. */
    public Uni<Printed> requestForm(OperatorPrincipal principal, String operatorName, UUID caseId) {
        return facts(principal, operatorName, caseId).call(f -> audited("FORM_PRINTED", principal, f)).chain(f -> bulkheads.named(BULKHEAD)
                .run(() -> new Printed("formulir-permohonan-" + f.reference() + ".pdf", f.reference(), form(f))));
    }

    /** The receipt of a case the operator may see, for the citizen to keep. */
    public Uni<Printed> receipt(OperatorPrincipal principal, String operatorName, UUID caseId) {
        return facts(principal, operatorName, caseId).call(f -> audited("RECEIPT_PRINTED", principal, f)).chain(f -> bulkheads.named(BULKHEAD)
                .run(() -> new Printed("tanda-terima-" + f.reference() + ".pdf", f.reference(), receipt(f))));
    }

    /** A print shows a citizen's name and masked data: who printed which case's document is kept in the audit chain. */
    private Uni<Void> audited(String kind, OperatorPrincipal principal, Facts f) {
        return Panache.withTransaction(() -> audit.append(kind, principal.username(), principal.officeCode(),
                f.c().id.toString(), Map.of("reference", f.reference())));
    }

    private Uni<Facts> facts(OperatorPrincipal principal, String operatorName, UUID caseId) {
        // view() checks the office scope; the reference is given once and kept
        return queries.view(principal, caseId).chain(dossier -> {
            VerificationCase c = dossier.verificationCase();
            return register.assignReference(c.id, ReceiptReference.next())
                    .chain(reference -> directory.byCode(c.officeCode)
                            .chain(listing -> calendar.workingDayStandards().map(standards -> new Facts(c,
                                    dossier.office(), listing.isEmpty() ? null : listing.get(0),
                                    standards.get(c.officeCode),
                                    dossier.resident().map(r -> r.fullName()).orElse(null),
                                    operatorName == null ? principal.username() : operatorName, reference,
                                    base() + CHECK_PAGE + "?ref=" + reference))));
        });
    }

    static byte[] form(Facts f) {
        try (PdfPages pdf = new PdfPages("Formulir permohonan " + f.reference(), false)) {
            officeHeader(pdf, f);
            pdf.title("Formulir Permohonan " + SERVICE_ID, "Application form: " + SERVICE_EN);
            pdf.field("Nomor tanda terima", "Receipt reference", f.reference());
            pdf.field("Tanggal", "Date", local(Instant.now(), f.office()));
            pdf.heading("Data pemohon", "Applicant");
            pdf.field("Nama", "Name", f.citizenName());
            pdf.field("NIK", "NIK", Masking.nik(f.c().nik));
            pdf.field("Email", "Email", Masking.email(f.c().email));
            pdf.field("Nomor telepon", "Phone number", Masking.phone(f.c().phone));
            pdf.field("Layanan", "Service", SERVICE_ID + " / " + SERVICE_EN);
            pdf.field("Kantor", "Office", f.office().name);
            pdf.space(8);
            pdf.text("Dengan ini saya mengajukan permohonan aktivasi IKD, menunjukkan KTP-el saya kepada petugas, "
                    + "dan menyatakan bahwa data di atas adalah data saya yang benar.",
                    "I hereby apply for IKD activation, have shown my KTP-el to the operator, and declare that the "
                    + "data above are mine and correct.");
            pdf.text("Layanan ini tidak dipungut biaya.", "This service is free of charge.");
            pdf.space(16);
            pdf.signatures(List.of(
                    new String[] { "Pemohon", "Applicant", f.citizenName() == null ? "(.......................)" : f.citizenName() },
                    new String[] { "Petugas", "Operator", f.operatorName() }));
            return pdf.bytes();
        }
    }

    static byte[] receipt(Facts f) {
        try (PdfPages pdf = new PdfPages("Tanda terima " + f.reference(), false)) {
            officeHeader(pdf, f);
            pdf.title("Tanda Terima Permohonan " + SERVICE_ID, "Receipt of the application: " + SERVICE_EN);
            pdf.field("Nomor referensi", "Reference", f.reference());
            pdf.field("Diterima", "Received", local(f.c().scannedAt != null ? f.c().scannedAt : Instant.now(), f.office()));
            pdf.field("Pemohon", "Applicant", (f.citizenName() == null ? "" : f.citizenName() + " · ")
                    + "NIK " + Masking.nik(f.c().nik));
            pdf.field("Kantor", "Office", f.office().name);
            pdf.field("Alamat", "Address", f.office().address);
            pdf.field("Petugas", "Operator", f.operatorName());

            pdf.heading("Standar pelayanan", "Service standards");
            Office o = f.office();
            pdf.text("Langkah 3 · Verifikasi data dan pindai kode QR di loket atau lewat panggilan video: "
                    + o.verificationMinutes + " menit, sejak pemohon berada di depan petugas.",
                    "Step 3 · Data check and QR scan at the counter or on a video call: " + o.verificationMinutes
                    + " minutes, from when the applicant is at the operator.");
            if (o.approvalModel == ApprovalModel.CENTRAL) {
                int days = f.standards() == null ? 1 : f.standards().centralReviewDays();
                pdf.text("Langkah 4 · Verifikasi dan validasi oleh Ditjen Dukcapil, lalu PIN aktivasi dikirim lewat email: "
                        + days + " hari kerja.", "Step 4 · Verification and validation by Ditjen Dukcapil, then the "
                        + "activation PIN is sent by email: " + days + " working day(s).");
            } else {
                pdf.text("Langkah 4 · Validasi data dan pengiriman PIN aktivasi lewat email: " + o.validationMinutes
                        + " menit.", "Step 4 · Data validation and the activation PIN sent by email: "
                        + o.validationMinutes + " minutes.");
            }
            pdf.text("Langkah 5 · Pemohon membuka tautan aktivasi dan memasukkan PIN: " + o.activationMinutes + " menit.",
                    "Step 5 · The applicant opens the activation link and enters the PIN: " + o.activationMinutes
                    + " minutes.");
            Integer completionDays = f.standards() == null ? null : f.standards().completionDays();
            pdf.text("Waktu penyelesaian: " + (completionDays != null ? completionDays + " hari kerja"
                    : o.completionMinutes + " menit") + ". Biaya: tidak dipungut biaya.",
                    "Completion time: " + (completionDays != null ? completionDays + " working day(s)"
                    : o.completionMinutes + " minutes") + ". Fee: free of charge.");
            if (o.standardSource != null) {
                pdf.text("Dasar: " + o.standardSource, null);
            }

            pdf.heading("Pengaduan", "Complaints");
            pdf.text("Jika ada kendala (misalnya email PIN tidak diterima), datangi kantor ini atau hubungi:",
                    "If anything goes wrong (for instance the PIN email does not arrive), come to this office or contact:");
            List<OfficeChannel> channels = f.listing() == null ? List.of() : f.listing().channels();
            for (OfficeChannel ch : channels) {
                String label = ch.label() == null ? "" : " (" + ch.label() + ")";
                pdf.text("• " + ch.kind().nameId() + " / " + ch.kind().nameEn() + ": " + ch.value() + label, null);
            }

            pdf.heading("Cek status", "Check the status");
            String link = f.checkUrl();
            pdf.text("Status permohonan dapat dicek tanpa login di " + link + " dengan nomor referensi " + f.reference()
                    + ".", "The application's status can be checked without login at " + link
                    + " with reference " + f.reference() + ".");
            return pdf.bytes();
        }
    }

    private String base() {
        String url = config.prints().publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void officeHeader(PdfPages pdf, Facts f) {
        pdf.text(f.office().name, null);
        if (f.office().address != null) {
            pdf.text(f.office().address, null);
        }
        pdf.space(10);
    }

    /** "04-12-2026 09:15 WITA (Waktu Indonesia Tengah / Central Indonesia Time)". */
    static String local(Instant at, Office office) {
        OfficeTimeZone zone = office.zone();
        return LOCAL.format(at.atZone(zone.zoneId())) + " " + zone.name() + " (" + zone.nameId() + " / "
                + zone.nameEn() + ")";
    }
}
