package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.PhonePages;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The central verifier's queue page and "return to office" in Chromium, on a 390 px phone. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CentralQueueBrowserTest {

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @TestHTTPResource("/")
    URL base;

    private Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(base + "portal/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestSupport.DEMO_PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL("**/portal/queue");
        return page;
    }

    @Test
    void theCentralQueueShowsEachCasesCountdownByRegionFitsAPhoneAndReturnsACaseWithANote() {
        String operator = TestSupport.login("payakumbuh.operator");
        Registration registration = TestSupport.submit("1376020505880001");
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER",
                "ktpElChecked", true)).statusCode(200).body("status", equalTo("AWAITING_CENTRAL"));
        String note = "Alamat pada formulir berbeda dengan KTP-el; mohon konfirmasi ke pemohon.";

        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = signIn(context, "pusat.verifikator");
            page.locator("#to-central-queue").click();
            page.waitForURL("**/portal/central-queue");
            Locator region = page.locator("h2.region[data-province='13']");
            assertThat(region.textContent()).contains("SUMATERA BARAT");
            Locator row = page.locator("table[data-province='13'] tr[data-case='" + caseId + "']");
            assertThat(row.locator("td.due").textContent()).contains(" WIB").contains("hari kerja / working days");
            Locator countdown = row.locator(".countdown");
            assertThat(countdown.textContent()).matches("(lewat )?\\d+ j \\d{2} mnt");
            assertThat(countdown.getAttribute("data-running")).isIn("true", "false");
            // the page refreshes itself once a minute (timers.js); its countdowns are the server's working time
            assertThat(page.locator("#central-queue").getAttribute("data-refresh")).isEqualTo("60");
            assertThat(page.locator("main").textContent()).contains("Antrean verifikasi pusat")
                    .contains("Central verification queue").doesNotContain("AWAITING_CENTRAL");
            PhonePages.assertFitsAndReads(page, "central queue");

            row.locator("a").click();
            page.waitForURL("**/portal/cases/" + caseId);
            assertThat(page.locator("#central-due").textContent()).contains(" WIB");
            PhonePages.assertFitsAndReads(page, "case with the return form");
            page.locator("#return-note-input").fill(note);
            page.locator("#return-submit").click();
            page.waitForURL("**/portal/central-queue?returned=" + caseId);
            assertThat(page.locator("#notice").textContent()).contains("Kasus dikembalikan ke kantor");
            assertThat(page.locator("tr[data-case='" + caseId + "']").count()).isZero();
            PhonePages.assertFitsAndReads(page, "central queue after a return");
        }
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("centralReview.returnNote", equalTo(note));

        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = signIn(context, "payakumbuh.operator");
            page.navigate(base + "portal/cases/" + caseId);
            assertThat(page.locator("#return-note-text").textContent()).isEqualTo(note);
            assertThat(page.locator("#return-note").textContent()).contains("Dikembalikan oleh verifikator pusat")
                    .contains("Returned by the central verifier").contains(" WIB");
            assertThat(page.locator("#decision-form").count()).isEqualTo(1);
            PhonePages.assertFitsAndReads(page, "returned case");
        }
    }

    @Test
    void anOfficeSupervisorIsToldTheCentralQueueIsNotTheirs() {
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = signIn(context, "demo.supervisor");
            com.microsoft.playwright.Response response = page.navigate(base + "portal/central-queue");
            assertThat(response.status()).isEqualTo(403);
            assertThat(page.locator("#notice").textContent()).contains("verifikator pusat");
            PhonePages.assertFitsAndReads(page, "central queue refused");
        }
    }
}
