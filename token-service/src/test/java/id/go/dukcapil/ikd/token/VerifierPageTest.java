package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.mintRequest;
import static id.go.dukcapil.ikd.token.Fixtures.pinProof;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import id.go.dukcapil.ikd.testing.HeadlessChromium;
import id.go.dukcapil.ikd.testing.HostileImages;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The /verify page in a real headless Chromium: upload a picture of the QR, see valid, then REPLAYED. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class VerifierPageTest {

    @TestHTTPResource("/verify")
    URL verifyPage;

    @Test
    void uploadingAPictureOfTheQrShowsValidThenReplayed() throws Exception {
        Citizen citizen = activatedCitizen();
        String png = mintRequest(citizen.subject(), pinProof(citizen.subject())).then().statusCode(201).extract()
                .path("qr.pngBase64");
        Path picture = Files.createTempFile("qr-", ".png");
        Files.write(picture, Base64.getDecoder().decode(png));
        try (Playwright playwright = Playwright.create()) {
            try (Browser browser = HeadlessChromium.launch(playwright)) {
                Page page = browser.newPage();
                page.navigate(verifyPage.toString());
                assertThat(page.title()).contains("Verifikasi KTP Digital");

                page.setInputFiles("#picture", picture);
                page.click("#check-picture");
                page.waitForSelector("#result");
                assertThat(page.getAttribute("#result", "data-valid")).isEqualTo("true");
                assertThat(page.textContent("#result")).contains("SAH").contains("VALID").contains("SITI AMINAH")
                        .contains("320101********01");

                page.setInputFiles("#picture", picture);
                page.click("#check-picture");
                page.waitForSelector("#result[data-valid='false']");
                assertThat(page.textContent("#reason")).isEqualTo("REPLAYED");
                assertThat(page.textContent("#result")).contains("sudah pernah diperiksa")
                        .contains("already been checked");
            }
        } finally {
            Files.deleteIfExists(picture);
        }
    }

    @Test
    void aPictureWithoutAQrCodeIsExplainedInWords() throws Exception {
        Path notAQr = Files.createTempFile("blank-", ".png");
        Files.write(notAQr, HostileImages.picture("png", 640, 480)); // a picture, but no QR code in it
        try {
            given().multiPart("picture", notAQr.toFile(), "image/png").post("/verify").then().statusCode(200)
                    .contentType("text/html")
                    .body(containsString("Tidak ada kode QR yang terbaca"))
                    .body(containsString("No QR code could be read"));
        } finally {
            Files.deleteIfExists(notAQr);
        }
    }

    @Test
    void scannedTextIsVerifiedToo() {
        given().multiPart("token", "not-a-token").post("/verify").then().statusCode(200)
                .body(containsString("MALFORMED"))
                .body(containsString("bukan kode QR IKD"));
    }
}
