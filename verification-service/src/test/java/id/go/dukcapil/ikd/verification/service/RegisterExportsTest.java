package id.go.dukcapil.ikd.verification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.Register;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.Row;
import id.go.dukcapil.ikd.verification.service.ServiceRegister.StepTime;

/** The register's files without the service around them: long registers, odd text, spreadsheet safety. */
class RegisterExportsTest {

    private static Register register(int rows, String note) {
        List<Row> list = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            list.add(new Row(i, UUID.randomUUID(), "06-07-2025", "09:00", "630504********01", "SITI NURHALIZA " + i,
                    i % 2 == 0 ? "VIDEO_CALL" : "COUNTER", "tapin.operator", "Operator Disdukcapil Tapin",
                    "REJECTED", "OTHER", note, List.of(new StepTime(3, 480, 300, null, false),
                            new StepTime(99, 29_400, 28_800, 1, false)), null, Instant.parse("2025-07-06T01:00:00Z")));
        }
        return new Register("6305-DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
                OfficeTimeZone.WITA, LocalDate.parse("2025-07-06"), LocalDate.parse("2025-07-06"), null, true, list);
    }

    @Test
    void aLongRegisterRepeatsItsHeaderOnEveryPage() throws IOException {
        byte[] pdf = RegisterExports.pdf(register(120, "Pemohon kembali besok; nama di KTP-el berbeda (ejaan)"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "register-sample.pdf"), pdf); // to look at: pdftoppm -png
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document).replaceAll("\\s+", " ");
                assertThat(text).as("page " + page).contains("Hasil dan alasan / Result and reason");
            }
            String all = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(all).contains("SITI NURHALIZA 120", "8 mnt 0 dtk (standar 5 mnt) melewati / over",
                    "8 j 10 mnt (standar 1 hari kerja / working day(s)) melewati / over");
        }
    }

    @Test
    void textTheFontCannotDrawIsReplacedNotFatal() throws IOException {
        byte[] pdf = RegisterExports.pdf(register(1, "catatan \u0007 dengan emoji \uD83D\uDE00 dan tab\tdi sini"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("catatan ? dengan emoji ? dan tab?di sini");
        }
    }

    @Test
    void csvCellsCannotRunAsSpreadsheetFormulas() {
        String csv = RegisterExports.csv(register(1, "=HYPERLINK(\"http://x\")"));
        assertThat(csv.split("\r\n")[1]).contains("\"Ditolak / Rejected: Lainnya / Other (=HYPERLINK(\"\"http://x\"\"))\"")
                .doesNotContain(",=");
        String leading = RegisterExports.csv(new Register("X", "X", OfficeTimeZone.WIB, LocalDate.EPOCH, LocalDate.EPOCH,
                null, false, List.of(new Row(1, UUID.randomUUID(), "01-01-1970", "07:00", null, null, null,
                        "=cmd", null, "APPROVED", null, null, List.of(), null, Instant.EPOCH))));
        assertThat(leading.split("\r\n")[1]).contains(",'=cmd,");
    }
}
