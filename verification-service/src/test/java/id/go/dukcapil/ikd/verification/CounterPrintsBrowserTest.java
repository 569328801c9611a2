package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.PhonePages;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At the counter on a 390 px phone in Chromium: a Tapin case (WITA) is scanned, its receipt printed
 * from the case page (the PDF read back by PDFBox), decided, found in the register and its PDF, and
 * its reference checked on the public page without login; no page scrolls sideways.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CounterPrintsBrowserTest {

    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @TestHTTPResource("/")
    URL base;

    private static String pdfText(APIResponse response) throws IOException {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("application/pdf");
        return CounterPrintsTest.text(response.body());
    }

    @Test
    void printTheReceiptServeAndFindTheServiceInTheRegisterAndOnThePublicPage() throws IOException {
        Registration registration = TestSupport.submit("6305041708850001"); // Tapin, Kalimantan Selatan (WITA)
        String api = TestSupport.login("tapin.operator");
        String caseId = VerificationFlowTest.awaitQueued(api, registration.registrationId());
        String reference;
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate(base + "portal");
            page.locator("#username").fill("tapin.operator");
            page.locator("#password").fill(TestSupport.DEMO_PASSWORD);
            page.locator("#login-submit").click();
            page.waitForURL("**/portal/queue");
            page.navigate(base + "portal/scan");
            page.locator("#shortCode").fill(registration.shortCode());
            page.locator("#code-submit").click();
            page.waitForURL("**/portal/cases/*");

            // the print buttons of the case page, and what they print
            Locator receipt = page.locator("#print-receipt");
            assertThat(receipt.isVisible()).isTrue();
            assertThat(receipt.textContent()).contains("Cetak tanda terima").contains("Print the receipt");
            assertThat(page.locator("#print-form").isVisible()).isTrue();
            PhonePages.assertFitsAndReads(page, "case page with its print buttons");
            APIResponse printed = context.request().get(base + receipt.getAttribute("href").substring(1));
            reference = printed.headers().get("x-receipt-reference");
            assertThat(pdfText(printed)).contains("Tanda Terima Permohonan", reference, "WITA",
                    "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin", "/cek-layanan?ref=" + reference);
            assertThat(pdfText(context.request().get(base + page.locator("#print-form").getAttribute("href")
                    .substring(1)))).contains("Formulir Permohonan", reference);

            page.locator("#ktpElChecked").check();
            page.locator("#approve").click();
            page.waitForURL("**/portal/queue?done=*");

            // the register: from the nav, then today's (and yesterday's) services where Tapin is
            page.locator("#nav-register").click();
            page.waitForURL("**/portal/register");
            LocalDate today = LocalDate.now(WITA);
            page.navigate(base + "portal/register?from=" + today.minusDays(1) + "&to=" + today);
            Locator row = page.locator("#register tr[data-case='" + caseId + "']");
            assertThat(row.textContent()).contains("WITA", "630504********01", "Loket", "Disetujui / Approved")
                    .doesNotContain("APPROVED").doesNotContain("COUNTER");
            PhonePages.assertFitsAndReads(page, "register");
            String registerPdf = pdfText(context.request().get(base + page.locator("#register-pdf")
                    .getAttribute("href").substring(1)));
            assertThat(registerPdf).contains("Buku Pelayanan", "630504********01", "Disetujui");

            page.locator("#register-recap").click();
            page.waitForURL("**/portal/register/recap*");
            assertThat(Integer.parseInt(page.locator("#recap-served").textContent())).isPositive();
            PhonePages.assertFitsAndReads(page, "monthly recap");
        }

        // a stranger holding the receipt: no login, no personal data
        try (BrowserContext stranger = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = stranger.newPage();
            page.navigate(base + "cek-layanan");
            page.locator("#ref").fill(reference.toLowerCase());
            page.locator("#check-submit").click();
            page.waitForURL("**/cek-layanan?ref=*");
            assertThat(page.locator("#receipt-status").getAttribute("data-status")).isEqualTo("APPROVED");
            assertThat(page.locator("#status-words").textContent()).contains("Disetujui").contains("Approved");
            assertThat(page.locator("#status-received").textContent()).endsWith("WITA");
            assertThat(page.locator("main").textContent()).doesNotContain("630504").doesNotContain("tapin.operator");
            PhonePages.assertFitsAndReads(page, "public receipt check");

            // the public office directory, where the receipt's complaint channels come from
            page.navigate(base + "offices");
            assertThat(page.locator("main").textContent()).contains("Tapin");
            PhonePages.assertFitsAndReads(page, "office directory");
        }
    }
}
