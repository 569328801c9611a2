package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;

/**
 * Verification by video call across the suite, as the citizen starts it: the app's video-call
 * button (registration-service) opens the office's call page (verification-service) with the
 * counter code; an operator of that office answers from the portal's video queue in another
 * browser, sees the citizen live (Chromium's fake camera, WebRTC between the two browsers) and
 * approves in the call; the app's timeline shows the approval, by video call.
 */
class VideoCallJourneyTest {

    /** HENDRA SYAIFUL PANGESTU of the synthetic registry: Tapin (6305-DISDUKCAPIL, video calls on), KTP-el printed. */
    private static final String HENDRA_NIK = "6305010305622110";
    private static final Duration LIVE = Duration.ofSeconds(90);

    private static Suite suite;
    private static Journey journey;

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromiumWithFakeMedia();

    @BeforeAll
    static void start() {
        suite = Suite.shared();
        journey = new Journey(suite);
    }

    @Test
    void theCitizenAsksForAVideoCallInTheAppAndIsApprovedInTheCall() {
        String email = Journey.uniqueEmail("hendra");
        try (BrowserContext citizenContext = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(360, 640));
                BrowserContext operatorContext = CHROMIUM.browser().newContext()) {
            Page app = citizenContext.newPage();
            CitizenApp.register(suite, app, HENDRA_NIK, email);

            app.click("#video-call-button");
            app.waitForURL("**/panggilan-video*");
            // the page offers a slot to book, or a call now: now
            app.click("#join-call");
            // pressed right after registering: the page waits while the registration reaches the office
            await().atMost(LIVE).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(app.locator("#call-error").isVisible() ? app.locator("#call-error").textContent() : "")
                        .as("the call page's error").isEmpty();
                return app.locator("#call-state").textContent().contains("Menunggu petugas");
            });
            assertThat(app.url()).as("the code leaves the address bar").doesNotContain("code=");

            Page operator = operatorContext.newPage();
            operator.navigate(suite.url(SuiteService.VERIFICATION) + "/portal");
            operator.locator("#username").fill("tapin.operator");
            operator.locator("#password").fill(Journey.DEMO_PASSWORD);
            operator.locator("#login-submit").click();
            operator.waitForURL("**/portal/queue");
            operator.navigate(suite.url(SuiteService.VERIFICATION) + "/portal/video-calls");
            operator.locator("tr[data-call] .answer-call").first().click();
            operator.waitForURL("**/portal/video-calls/*");

            app.locator("#consent").click();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "connected".equals(operator.locator("#call-state").getAttribute("data-state")));
            // the counter code came through the call, not read aloud; the case is the citizen's
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "matched".equals(operator.locator("#code-state").getAttribute("data-state")));
            assertThat(operator.locator("#case-name").textContent()).isEqualTo("HENDRA SYAIFUL PANGESTU");
            await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) operator
                    .evaluate("document.getElementById('remote-video').videoWidth")).intValue() > 0);

            operator.locator("#ktp-checked").check();
            operator.locator("#approve").click();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "APPROVED".equals(operator.locator("#call-state").getAttribute("data-outcome")));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> app.locator("#call-state").textContent().contains("Data Anda disetujui"));

            // back in the app: the approval on the timeline, by video call; the PIN email follows as for the counter
            app.navigate(suite.url(SuiteService.REGISTRATION) + "/app/");
            app.waitForSelector("#timeline li[data-kind=APPROVED]", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
            assertThat(app.textContent("#timeline li[data-kind=APPROVED]")).contains("panggilan video / video call");
            assertThat(journey.awaitActivationMail(email)).isNotNull();
        }
    }
}
