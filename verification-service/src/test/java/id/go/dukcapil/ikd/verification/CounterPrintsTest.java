package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The counter's prints of a Tapin case (WITA): the request form and the receipt as PDF, read back
 * with PDFBox, and the receipt's reference checked on the public page without login.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CounterPrintsTest {

    private static final String NIK = "6305041708850001";
    private static final String MASKED = "630504********01";
    private static final String TAPIN = "6305-DISDUKCAPIL";

    @Inject
    Pool pool;

    private final UUID caseId = UUID.randomUUID();
    private String name;
    private String tapin;

    /** Signed in at the first test: the application's HTTP port is not set up yet in @BeforeAll. */
    private String tapin() {
        if (tapin == null) {
            tapin = TestSupport.login("tapin.operator");
        }
        return tapin;
    }

    @BeforeAll
    void aTapinCaseAtTheCounter() {
        name = pool.preparedQuery("select full_name from registry_resident where nik = $1").execute(Tuple.of(NIK))
                .await().indefinitely().iterator().next().getString("full_name");
        UUID operatorId = pool.preparedQuery("select id from operator_account where username = 'tapin.operator'")
                .execute().await().indefinitely().iterator().next().getUUID("id");
        Instant scanned = Instant.parse("2026-12-03T01:05:00Z"); // 09:05 WITA
        pool.preparedQuery("""
                insert into verification_case (id, registration_id, nik, email, phone, language, device_key_jwk,
                    device_key_thumbprint, selfie_sha256, submitted_at, office_code, default_office_code, status,
                    opened_at, scanned_at, scanned_by)
                values ($1, $2, $3, 'warga.tapin@example.id', '+6281234567890', 'id', '{}', 'thumb', 'sha', $4,
                    $5, $5, 'IN_REVIEW', $4, $6, $7)""")
                .execute(Tuple.tuple().addUUID(caseId).addUUID(UUID.randomUUID()).addString(NIK)
                        .addOffsetDateTime(scanned.minus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC))
                        .addString(TAPIN).addOffsetDateTime(scanned.atOffset(ZoneOffset.UTC)).addUUID(operatorId))
                .await().indefinitely();
    }

    private Response print(String token, String kind) {
        return given().auth().oauth2(token).get("/api/v1/operator/cases/" + caseId + "/" + kind + ".pdf");
    }

    /** The PDF's text with its line breaks as spaces: a cell or a paragraph may wrap anywhere. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    @Order(1)
    void theReceiptCarriesTheReferenceTheStandardsAndTheComplaintChannels() throws IOException {
        Response response = print(tapin(), "receipt");
        response.then().statusCode(200).contentType("application/pdf");
        String reference = response.header("X-Receipt-Reference");
        assertThat(reference).matches("IKD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        byte[] pdf = response.asByteArray();
        String text = text(pdf);
        assertThat(text).contains("Tanda Terima Permohonan", "Receipt of the application", reference,
                "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin", "Jl. Datu Nuraya",
                // received 09:05 in the office's zone, with the zone's name
                "03-12-2026 09:05 WITA (Waktu Indonesia Tengah / Central Indonesia Time)",
                name, "NIK " + MASKED,
                // the SOP's standards (seed 000): steps 3, 4, 5 and the whole service
                "Langkah 3", "5 menit, sejak pemohon berada di depan petugas", "Langkah 4", "Langkah 5", "10 menit",
                "Waktu penyelesaian: 50 menit", "Completion time: 50 minutes", "tidak dipungut biaya",
                // every channel of the office directory
                "0517-32454", "dukcapil.rantau777@gmail.com", "@disdukcapiltapin", "0811-5113-141",
                "https://dukcapil.tapinkab.go.id/",
                "/cek-layanan?ref=" + reference, "can be checked without login");
        assertThat(text).doesNotContain(NIK);
        // Bahasa Indonesia first, English below
        assertThat(text.indexOf("Standar pelayanan")).isLessThan(text.indexOf("Step 3"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("LiberationSans");
            assertThat(font.isEmbedded()).isTrue();
        }
        // printed again: the same reference
        assertThat(print(tapin(), "receipt").header("X-Receipt-Reference")).isEqualTo(reference);
    }

    @Test
    @Order(2)
    void theRequestFormIsPreFilledForTheCitizenToSign() throws IOException {
        Response response = print(tapin(), "request-form");
        response.then().statusCode(200).contentType("application/pdf");
        String text = text(response.asByteArray());
        assertThat(text).contains("Formulir Permohonan Aktivasi Identitas Kependudukan Digital (IKD)",
                "Application form", name, MASKED, "Aktivasi Identitas Kependudukan Digital (IKD)",
                "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin", "WITA", "Pemohon", "Applicant", "Petugas",
                "Operator Disdukcapil Tapin", "menyatakan bahwa data di atas", response.header("X-Receipt-Reference"));
        assertThat(text).doesNotContain(NIK).doesNotContain("warga.tapin@example.id");
        assertThat(response.header("X-Receipt-Reference")).isEqualTo(print(tapin(), "receipt").header("X-Receipt-Reference"));
        // who printed which case's document is in the audit chain
        assertThat(printsAudited("FORM_PRINTED", "tapin.operator")).isEqualTo(1);
        assertThat(printsAudited("RECEIPT_PRINTED", "tapin.operator")).isEqualTo(3);
    }

    private long printsAudited(String kind, String actor) {
        return pool.preparedQuery("select count(*) from audit_entry where kind = $1 and actor = $2 and subject = $3")
                .execute(Tuple.of(kind, actor, caseId.toString())).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    @Order(3)
    void anotherOfficePrintsNothingOfTheCase() {
        print(TestSupport.login("bagor.operator"), "receipt").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(printsAudited("RECEIPT_PRINTED", "bagor.operator")).as("nothing printed, nothing recorded").isZero();
        given().get("/api/v1/operator/cases/" + caseId + "/receipt.pdf").then().statusCode(401);
    }

    @Test
    @Order(4)
    void theReferenceIsCheckedWithoutLoginAndShowsNoPersonalData() {
        String reference = print(tapin(), "receipt").header("X-Receipt-Reference");
        Response status = given().get("/api/v1/receipts/" + reference);
        status.then().statusCode(200).contentType("application/json");
        assertThat(status.jsonPath().getString("status")).isEqualTo("IN_REVIEW");
        assertThat(status.jsonPath().getString("statusId")).isEqualTo("Sedang diverifikasi");
        assertThat(status.jsonPath().getString("statusEn")).isEqualTo("Being verified");
        assertThat(status.jsonPath().getString("officeCode")).isEqualTo(TAPIN);
        assertThat(status.jsonPath().getString("receivedAt")).isEqualTo("03-12-2026 09:05 WITA");
        assertThat(status.asString()).doesNotContain(NIK).doesNotContain(MASKED).doesNotContain(name)
                .doesNotContain("warga.tapin").doesNotContain("tapin.operator");
        // typed from paper: lower case, spaces instead of dashes
        given().get("/api/v1/receipts/" + reference.toLowerCase().replace('-', ' ')).then().statusCode(200);
        given().get("/api/v1/receipts/IKD-2222-2222-2222").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(given().get("/api/v1/receipts/not-a-reference").jsonPath().getString("code"))
                .isEqualTo("RECEIPT_NOT_FOUND");

        String page = given().queryParam("ref", reference).get("/cek-layanan").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(page).contains("Sedang diverifikasi", "Being verified", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
                "03-12-2026 09:05 WITA").doesNotContain(name).doesNotContain(MASKED);
        given().queryParam("ref", "IKD-2222-2222-2222").get("/cek-layanan").then().statusCode(404);
    }

    /** Last: it fills this address's window of the receipt check. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theCheckIsRateLimitedPerAddress() {
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            Response r = given().get("/api/v1/receipts/IKD-2222-2222-2222");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertThat(statuses).contains(429).allMatch(s -> s == 404 || s == 429);
        assertThat(limited.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isNotNull();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/api/v1/receipts/IKD-2222-2222-2222").statusCode() == 404);
    }
}
