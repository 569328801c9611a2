package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static id.go.dukcapil.ikd.token.Fixtures.mintRequest;
import static id.go.dukcapil.ikd.token.Fixtures.pinProof;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.matcher.RestAssuredMatchers.detailedCookie;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import id.go.dukcapil.ikd.testing.ContrastCheck;
import id.go.dukcapil.ikd.testing.HeadlessChromium;
import id.go.dukcapil.ikd.testing.HostileImages;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The /verify page: in a real headless Chromium, upload a picture of the QR, see valid, then REPLAYED;
 * its security headers; and its CSRF token, without which nothing is checked or used up.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class VerifierPageTest {

    private static final String CSRF_COOKIE = "ikd_verify_csrf";

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
                assertThat(page.evaluate("typeof jsQR")).as("jsQR, served from platform/web-assets").isEqualTo("function");
                assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on the empty page").isEmpty();

                page.setInputFiles("#picture", picture);
                page.click("#check-picture");
                page.waitForSelector("#result");
                assertThat(page.getAttribute("#result", "data-valid")).isEqualTo("true");
                assertThat(page.textContent("#result")).contains("SAH").contains("VALID").contains("SITI AMINAH")
                        .contains("320101********01");
                // the expiry in local time with its zone, a QR lifetime (90 s) from now, not raw UTC
                String expiry = page.textContent("#expires-at");
                assertThat(expiry).matches(".*\\d{1,2} \\p{L}+ \\d{4}, \\d{2}\\.\\d{2}\\.\\d{2} WIB · .*\\d{2}:\\d{2}:\\d{2} WIB")
                        .doesNotContain("Z").doesNotContain("T");
                java.time.Instant expiresAt = java.time.Instant.parse(page.getAttribute("#expires-at time", "datetime"));
                assertThat(expiry).startsWith(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm.ss 'WIB'",
                        java.util.Locale.forLanguageTag("id-ID")).format(expiresAt.atZone(java.time.ZoneId.of("Asia/Jakarta"))));
                assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on a valid result").isEmpty();

                page.setInputFiles("#picture", picture);
                page.click("#check-picture");
                page.waitForSelector("#result[data-valid='false']");
                assertThat(page.textContent("#reason")).isEqualTo("REPLAYED");
                assertThat(page.textContent("#result")).contains("sudah pernah diperiksa")
                        .contains("already been checked");
                assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on a refused result").isEmpty();
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
            Form form = form();
            given().cookie(CSRF_COOKIE, form.token()).multiPart("csrf", form.token())
                    .multiPart("picture", notAQr.toFile(), "image/png").post("/verify").then().statusCode(200)
                    .contentType("text/html")
                    .body(containsString("Tidak ada kode QR yang terbaca"))
                    .body(containsString("No QR code could be read"));
        } finally {
            Files.deleteIfExists(notAQr);
        }
    }

    @Test
    void scannedTextIsVerifiedToo() {
        Form form = form();
        given().cookie(CSRF_COOKIE, form.token()).multiPart("csrf", form.token()).multiPart("token", "not-a-token")
                .post("/verify").then().statusCode(200)
                .body(containsString("MALFORMED"))
                .body(containsString("bukan kode QR IKD"));
    }

    @Test
    void thePageSendsItsSecurityHeadersAndJsonIsNotSniffed() {
        given().get("/verify").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .cookie(CSRF_COOKIE, detailedCookie().httpOnly(true).sameSite("Strict").path("/verify"));
        given().get("/verify.js").then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/.well-known/jwks.json").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().get("/vendor/jsqr/jsQR.js").then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .body(containsString("jsQR"));
    }

    @Test
    void aCheckPostedWithoutThePagesCsrfTokenChangesNothing() {
        String qr = mint(activatedCitizen());
        Form form = form();
        // another site's form: no cookie and no field, the page's field without its cookie, a guessed pair
        // that differs, and the cookie without the field
        List<RequestSpecification> forged = List.of(given(),
                given().multiPart("csrf", form.token()),
                given().cookie(CSRF_COOKIE, form.token()).multiPart("csrf", form.token().replace(form.token().charAt(0),
                        form.token().charAt(0) == 'A' ? 'B' : 'A')),
                given().cookie(CSRF_COOKIE, form.token()));
        for (RequestSpecification request : forged) {
            request.multiPart("token", qr).post("/verify").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("FORM_NOT_VALID"));
        }
        // the QR was not used up: the page's own form still finds it valid
        given().cookie(CSRF_COOKIE, form.token()).multiPart("csrf", form.token()).multiPart("token", qr)
                .post("/verify").then().statusCode(200)
                .body(containsString("data-valid=\"true\""));
    }

    /** The verifier page's CSRF token, as the page hands it to a browser: in its cookie and in its forms. */
    record Form(String token) {
    }

    static Form form() {
        var page = given().get("/verify").then().statusCode(200).extract();
        String token = page.cookie(CSRF_COOKIE);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(page.asString()).contains("<input type=\"hidden\" name=\"csrf\" value=\"" + token + "\">");
        return new Form(token);
    }
}
