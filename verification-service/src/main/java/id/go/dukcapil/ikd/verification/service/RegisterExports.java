package id.go.dukcapil.ikd.verification.service;

import java.util.ArrayList;
import java.util.List;

import id.go.dukcapil.ikd.verification.domain.Labels;
import id.go.dukcapil.ikd.verification.service.RegisterRecap.Recap;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.Register;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.Row;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.StepTime;

/** The register and its recap as files: CSV (RFC 4180) and PDF, in words, in the office's local time. */
public final class RegisterExports {

    /** The steps the register times, in its column order: 3 counter, 4 central review, 5 activation, 99 whole service. */
    public static final int[] STEPS = { 3, 4, 5, 99 };
    private static final float[] COLUMNS = { 0.04f, 0.08f, 0.09f, 0.11f, 0.07f, 0.08f, 0.13f, 0.1f, 0.1f, 0.1f, 0.1f };

    private RegisterExports() {
    }

    /** "4 mnt 0 dtk / standar 5 mnt ✓", or in working time "7 j 56 mnt / standar 1 hari kerja". */
    public static String describe(StepTime s) {
        if (s == null) {
            return "-";
        }
        String standard = s.workingDays() != null ? s.workingDays() + " hari kerja / working day(s)"
                : s.standardSeconds() / 60 + " mnt";
        return duration(s.seconds()) + " (standar " + standard + ") " + (s.within() ? "sesuai / within" : "melewati / over");
    }

    static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours > 0 ? hours + " j " + minutes + " mnt" : minutes + " mnt " + seconds % 60 + " dtk";
    }

    /** The result in words with its reason: "Ditolak / Rejected: Data tidak sesuai / Data mismatch (catatan)". */
    public static String result(Row r) {
        String words = Labels.caseStatus(r.status()).plain();
        if (r.reasonCode() != null) {
            words += ": " + Labels.reason(r.reasonCode()).plain();
        }
        if (r.reasonNote() != null && !r.reasonNote().isBlank()) {
            words += " (" + r.reasonNote() + ")";
        }
        return words;
    }

    static String csv(Register register) {
        StringBuilder out = new StringBuilder("no,tanggal_date,jam_time,zona_zone,waktu_lokal_local_time,"
                + "nik_tersamar_masked_nik,nama_name,layanan_service,saluran_channel,petugas_operator,"
                + "hasil_dan_alasan_result_and_reason,langkah_3_step_3,langkah_4_step_4,langkah_5_step_5,"
                + "seluruh_layanan_whole_service,nomor_tanda_terima_receipt\r\n");
        for (Row r : register.rows()) {
            List<Object> cells = new ArrayList<>(List.of(r.number(), r.date(), r.time(), register.zone().name(),
                    r.scannedAt().atZone(register.zone().zoneId()).toOffsetDateTime().toString()));
            cells.add(r.nikMasked());
            cells.add(r.name());
            cells.add(CounterDocuments.SERVICE_ID + " / " + CounterDocuments.SERVICE_EN);
            cells.add(r.channel() == null ? null : Labels.channel(r.channel()).plain());
            cells.add(operator(r));
            cells.add(result(r));
            for (int step : STEPS) {
                cells.add(r.step(step) == null ? null : describe(r.step(step)));
            }
            cells.add(r.receiptReference());
            out.append(String.join(",", cells.stream().map(ServiceReportService::cell).toList())).append("\r\n");
        }
        return out.toString();
    }

    static byte[] pdf(Register register) {
        try (PdfPages pdf = new PdfPages("Buku pelayanan " + register.officeCode(), true)) {
            pdf.title("Buku Pelayanan " + register.officeName(), "Service register, " + register.from() + " – "
                    + register.to() + (register.operator() == null ? "" : ", operator " + register.operator()));
            pdf.text("Jam menurut zona waktu kantor: " + register.zone().name() + " (" + register.zone().nameId() + "). "
                    + register.rows().size() + " layanan.", "Times in the office's zone: " + register.zone().name()
                    + " (" + register.zone().nameEn() + "). " + register.rows().size() + " services.");
            pdf.space(6);
            pdf.row(List.of("No.", "Tanggal, jam / Date, time", "NIK", "Nama / Name", "Saluran / Channel",
                    "Petugas / Operator", "Hasil dan alasan / Result and reason", "Langkah 3 / Step 3",
                    "Langkah 4 / Step 4", "Langkah 5 / Step 5", "Seluruh layanan / Whole service"), COLUMNS, true);
            for (Row r : register.rows()) {
                pdf.row(List.of(String.valueOf(r.number()), r.date() + " " + r.time() + " " + register.zone().name(),
                        or(r.nikMasked()), or(r.name()), r.channel() == null ? "-" : Labels.channel(r.channel()).plain(),
                        operator(r), result(r), describe(r.step(3)), describe(r.step(4)), describe(r.step(5)),
                        describe(r.step(99))), COLUMNS, false);
            }
            return pdf.bytes();
        }
    }

    static byte[] pdf(Recap recap) {
        try (PdfPages pdf = new PdfPages("Rekap bulanan " + recap.officeCode() + " " + recap.month(), false)) {
            pdf.title("Rekap Bulanan Buku Pelayanan " + recap.officeName(), "Monthly recap of the service register, "
                    + recap.month());
            pdf.field("Bulan", "Month", recap.month().toString() + " (" + recap.zone().name() + ")");
            pdf.field("Jumlah layanan", "Services", String.valueOf(recap.served()));
            pdf.field("Sesuai standar", "Within standard", recap.withinPercent() + " % (" + recap.measured()
                    + " langkah diukur / steps measured)");
            pdf.heading("Hasil", "Results");
            recap.results().forEach(r -> pdf.field(Labels.caseStatus(r.status()).id(), Labels.caseStatus(r.status()).en(),
                    String.valueOf(r.count())));
            recap.channels().forEach(c -> pdf.field(Labels.channel(c.channel()).id(), Labels.channel(c.channel()).en(),
                    String.valueOf(c.count())));
            pdf.heading("Langkah", "Steps");
            recap.steps().forEach(s -> pdf.field(Labels.sopStep(s.sopStep()).id(), Labels.sopStep(s.sopStep()).en(),
                    s.within() + " / " + s.measured() + " sesuai standar / within standard (" + s.withinPercent() + " %)"));
            pdf.heading("Per petugas", "Per operator");
            recap.operators().forEach(o -> pdf.field(o.operatorName() == null ? o.operator() : o.operatorName(),
                    o.operator(), o.served() + " layanan / services, " + o.approved() + " disetujui / approved, "
                            + o.rejected() + " ditolak / rejected, langkah 3 sesuai standar / step 3 within standard "
                            + o.withinPercent() + " %"));
            return pdf.bytes();
        }
    }

    private static String operator(Row r) {
        return r.operatorName() == null ? or(r.operator()) : r.operatorName() + " (" + r.operator() + ")";
    }

    private static String or(String value) {
        return value == null ? "-" : value;
    }
}
