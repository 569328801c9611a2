package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;

import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.HeadlessChromium;

/**
 * The journey as a person does it in browser pages alone: the citizen app (/app) registers with
 * a device key made by WebCrypto and shows the counter code; the operator decides; the app sees
 * the decision live; the citizen activates from the email's link; the app opens KTP Digital with
 * the app PIN and shows the 90-second QR, which a relying party verifies.
 */
class CitizenAppJourneyTest {

    private static final String AHMAD_NIK = "6305041708850001"; // Tapin: office 6305-DISDUKCAPIL, local approval
    private static final String APP_PIN = "719264";
    private static final Duration LIVE = Duration.ofSeconds(90);

    private static Suite suite;
    private static Journey journey;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        suite = Suite.shared();
        journey = new Journey(suite);
        playwright = Playwright.create();
        browser = HeadlessChromium.launch(playwright);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void citizenDoesTheWholeJourneyInTheBrowser() throws Exception {
        String email = Journey.uniqueEmail("ahmad");
        try (BrowserContext context = browser.newContext(); Page app = context.newPage()) {
            app.navigate(suite.url(SuiteService.REGISTRATION) + "/app/");
            app.fill("#nik", AHMAD_NIK);
            app.fill("#email", email);
            app.fill("#phone", "0812" + Journey.uniquePhone().substring(6));
            app.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Selfie.png()));
            app.waitForSelector("#selfie-preview:not([hidden])");
            app.click("#register-button");
            app.waitForSelector("#counter-qr[data-rendered=true]", new Page.WaitForSelectorOptions().setTimeout(30_000));
            String shortCode = app.textContent("#short-code").trim();

            String operator = journey.operatorLogin("tapin.operator");
            var scanned = journey.scan(operator, Map.of("shortCode", shortCode));
            assertThat(scanned.getString("registry.fullName")).isEqualTo("AHMAD FAUZI");
            journey.decide(operator, scanned.getString("caseId"),
                    Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true));
            app.waitForSelector("#timeline li[data-kind=APPROVED]",
                    new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));

            journey.activateOnTheWebPage(browser, journey.awaitActivationMail(email));
            app.waitForSelector("#pin-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));

            app.fill("#app-pin", APP_PIN);
            app.click("#pin-button");
            app.waitForSelector("#qr-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
            String src = app.getAttribute("#identity-qr", "src");
            assertThat(src).startsWith("data:image/png;base64,");
            String token = Journey.decodeQr(src.substring("data:image/png;base64,".length()));

            var verdict = journey.verify(journey.relyingPartyToken(), token);
            assertThat(verdict.getBoolean("valid")).isTrue();
            assertThat(verdict.getString("attributes.fullName")).isEqualTo("AHMAD FAUZI");
        }
    }
}
