package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.testing.ContrastCheck;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;

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

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @BeforeAll
    static void start() {
        suite = Suite.shared();
        journey = new Journey(suite);
    }

    @Test
    void citizenDoesTheWholeJourneyInTheBrowser() throws Exception {
        String email = Journey.uniqueEmail("ahmad");
        // on a 360 x 640 phone, as the citizen holds it
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(360, 640));
                Page app = context.newPage()) {
            String shortCode = CitizenApp.register(suite, app, AHMAD_NIK, email);
            assertThat(ContrastCheck.belowAa(app)).as("texts below 4.5:1 with the counter code").isEmpty();

            String operator = journey.operatorLogin("tapin.operator");
            var scanned = journey.scan(operator, Map.of("shortCode", shortCode));
            assertThat(scanned.getString("registry.fullName")).isEqualTo("AHMAD FAUZI");
            journey.decide(operator, scanned.getString("caseId"),
                    Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true));
            app.waitForSelector("#timeline li[data-kind=APPROVED]",
                    new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));

            journey.activateOnTheWebPage(CHROMIUM.browser(), journey.awaitActivationMail(email));
            app.waitForSelector("#pin-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));

            app.fill("#app-pin", APP_PIN);
            app.click("#pin-button");
            // KTP Digital: the card with the registry photo (verification-service, through activation-service)
            app.waitForSelector("#card-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
            app.waitForSelector("#card-photo:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
            assertThat(app.textContent("#card-name")).isEqualTo("AHMAD FAUZI");
            assertThat(app.textContent("#card-nik")).isEqualTo("630504********01");
            assertThat(app.textContent("#card-activated")).endsWith("WITA");
            assertThat(ContrastCheck.belowAa(app)).as("texts below 4.5:1 on the card").isEmpty();
            app.click("#show-qr-button");
            app.waitForSelector("#qr-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
            String src = app.getAttribute("#identity-qr", "src");
            assertThat(src).startsWith("data:image/png;base64,");
            assertThat(ContrastCheck.belowAa(app)).as("texts below 4.5:1 with the IKD QR").isEmpty();
            String token = Journey.decodeQr(src.substring("data:image/png;base64,".length()));

            var verdict = journey.verify(journey.relyingPartyToken(), token);
            assertThat(verdict.getBoolean("valid")).isTrue();
            assertThat(verdict.getString("attributes.fullName")).isEqualTo("AHMAD FAUZI");
            // the demo relying party has ikd.photo: the registry photo, the issuing office, a reference
            assertThat(verdict.getString("photo.status")).isEqualTo("SHOWN");
            assertThat(verdict.getString("issuingOffice.code")).isEqualTo("6305-DISDUKCAPIL");
            assertThat(verdict.getString("reference")).startsWith("VRF-");

            // the citizen's own log (UU PDP access) shows that check: who, what it learned, the verdict
            app.click("#data-button");
            app.waitForSelector("#data-verifications li", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
            assertThat(app.textContent("#data-verifications")).contains(verdict.getString("reference"))
                    .contains("Sah: identitas Anda dikonfirmasi.").contains("nama lengkap");
            assertThat(ContrastCheck.belowAa(app)).as("texts below 4.5:1 with the data page").isEmpty();
        }
    }
}
