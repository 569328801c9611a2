package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Verification by video call in a real Chromium with fake camera and microphone: the citizen's call
 * page and the operator's portal in two browser contexts, WebRTC between them on this machine,
 * the suite only signalling. The operator sees live video (frames arrive, the video has a size,
 * WebRTC counts bytes received), the counter code comes through the call, a face still is captured
 * from the live video after the citizen's consent to stills and appears in the case, and the call ends
 * in an approval recorded as a video-call decision.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class VideoCallBrowserTest {

    /** Test instrumentation only: keeps each page's peer connections where the test can read their stats. */
    private static final String KEEP_PEER_CONNECTIONS = """
            (() => {
              const Original = window.RTCPeerConnection;
              window.__peerConnections = [];
              window.RTCPeerConnection = function (...args) {
                const pc = new Original(...args);
                window.__peerConnections.push(pc);
                return pc;
              };
              window.RTCPeerConnection.prototype = Original.prototype;
            })();
            """;
    private static final String BYTES_RECEIVED = """
            async () => {
              let bytes = 0;
              for (const pc of window.__peerConnections) {
                const stats = await pc.getStats();
                stats.forEach((report) => {
                  if (report.type === 'inbound-rtp' && report.kind === 'video') bytes += report.bytesReceived;
                });
              }
              return bytes;
            }
            """;

    /** Video bytes received by the page's newest connection: the one a rejoin made. */
    private static final String NEWEST_BYTES_RECEIVED = """
            async () => {
              const pc = window.__peerConnections[window.__peerConnections.length - 1];
              if (!pc) return 0;
              let bytes = 0;
              (await pc.getStats()).forEach((report) => {
                if (report.type === 'inbound-rtp' && report.kind === 'video') bytes += report.bytesReceived;
              });
              return bytes;
            }
            """;

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromiumWithFakeMedia();

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOperatorSeesTheCitizenLiveGetsTheCodeInTheCallAndApproves() {
        VideoCallTest.videoCalls("3171-DEMO", true);
        Registration registration = TestSupport.submit("3171011212000001");
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        String callId = VideoCallTest.awaitCase(code);
        String caseId = VideoCallTest.caseIdOf(registration.registrationId());

        try (BrowserContext citizenContext = CHROMIUM.browser().newContext(); BrowserContext operatorContext = CHROMIUM.browser().newContext()) {
            citizenContext.addInitScript(KEEP_PEER_CONNECTIONS);
            operatorContext.addInitScript(KEEP_PEER_CONNECTIONS);
            Page citizen = citizenJoins(citizenContext, code);
            assertThat(citizen.url()).as("the code leaves the address bar").doesNotContain("code=");
            Page operator = operatorAnswers(operatorContext, callId);

            citizen.locator("#consent").click();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                System.out.println("[states] operator " + operator.locator("#call-state").textContent() + " | citizen "
                        + citizen.locator("#call-state").textContent());
                return "connected".equals(operator.locator("#call-state").getAttribute("data-state"));
            });
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "matched"
                    .equals(operator.locator("#code-state").getAttribute("data-state")));
            assertThat(operator.locator("#case-name").textContent()).isEqualTo("BAGUS WICAKSONO");
            assertThat(operator.locator("#registry-photo").getAttribute("src")).startsWith("data:image/");

            // live video: a size, frames that keep coming, bytes counted by WebRTC
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) operator
                    .evaluate("document.getElementById('remote-video').videoWidth")).intValue() > 0);
            double firstFrames = frames(operator);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> frames(operator) > firstFrames + 10);
            assertThat(((Number) operator.evaluate(BYTES_RECEIVED)).longValue()).isPositive();
            assertThat(((Number) citizen.evaluate(BYTES_RECEIVED)).longValue()).as("the citizen sees the officer too")
                    .isPositive();

            // with the citizen's own consent to stills, the operator captures the face from the live video
            assertThat(operator.locator("#capture-face").isDisabled()).as("no stills before the citizen agrees").isTrue();
            citizen.locator("#stills-consent").click();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> citizen.locator("#stills-consent-state").isVisible());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> operator.locator("#capture-face").isEnabled());
            operator.locator("#capture-face").click();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) operator.evaluate(
                    "(() => { const img = document.querySelector('#call-stills figure[data-kind=FACE] img');"
                            + " return img && img.complete ? img.naturalWidth : 0; })()")).intValue() > 0);
            assertThat(operator.locator("#still-error").isHidden()).isTrue();

            operator.locator("#ktp-checked").check();
            operator.locator("#approve").click();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED"
                    .equals(operator.locator("#call-state").getAttribute("data-outcome")));
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> citizen.locator("#call-state").textContent().contains("Data Anda disetujui"));

            // the still is in the case page of the office, loaded as an image
            operator.navigate(base + "portal/cases/" + caseId);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) operator.evaluate(
                    "(() => { const img = document.querySelector('#stills figure[data-kind=FACE] img');"
                            + " return img && img.complete ? img.naturalWidth : 0; })()")).intValue() > 0);
        }

        given().auth().oauth2(TestSupport.login("demo.operator")).get("/api/v1/operator/cases/" + caseId).then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("decision.channel", equalTo("VIDEO_CALL"))
                .body("decision.callReference", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aCitizenWhoReloadsRejoinsWithTheirConsentsAndAThirdPartyWithoutTheBindingCannotJoin() {
        VideoCallTest.videoCalls("3171-DEMO", true);
        Registration registration = TestSupport.submit("3171011212000001");
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        String callId = VideoCallTest.awaitCase(code);

        try (BrowserContext citizenContext = CHROMIUM.browser().newContext(); BrowserContext operatorContext = CHROMIUM.browser().newContext();
                BrowserContext strangerContext = CHROMIUM.browser().newContext()) {
            citizenContext.addInitScript(KEEP_PEER_CONNECTIONS);
            operatorContext.addInitScript(KEEP_PEER_CONNECTIONS);
            Page citizen = citizenJoins(citizenContext, code);
            Page operator = operatorAnswers(operatorContext, callId);
            citizen.locator("#consent").click();
            citizen.locator("#stills-consent").click();
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> "connected".equals(operator.locator("#call-state").getAttribute("data-state")));

            // the citizen's page drops (a reload): it rejoins the same call, knows what was agreed, and video flows again
            citizen.reload();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> citizen.locator("#stills-consent-state").isVisible());
            assertThat(citizen.locator("#consent-box").isHidden()).as("an agreed consent is not asked again").isTrue();
            assertThat(citizen.locator("#stills-consent-box").isHidden()).isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                System.out.println("[rejoin] operator " + operator.locator("#call-state").textContent() + " | citizen "
                        + citizen.locator("#call-state").textContent());
                return ((Number) citizen.evaluate(NEWEST_BYTES_RECEIVED)).longValue() > 0
                        && ((Number) operator.evaluate(NEWEST_BYTES_RECEIVED)).longValue() > 0;
            });
            assertThat(citizen.locator("#call-state").textContent()).contains("Tersambung dengan petugas");

            // a stranger with the call's id but not its token, and one with a forged counter code, get no call
            Page stranger = strangerContext.newPage();
            watch(stranger, "stranger");
            stranger.navigate(base + "panggilan-video");
            stranger.evaluate("id => sessionStorage.setItem('ikd.video-call', JSON.stringify({ id, token: 'not-the-token',"
                    + " code: 'x', iceServers: [] }))", callId);
            stranger.reload();
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> stranger.locator("#call-state").textContent().contains("Panggilan berakhir"));
            Page forger = strangerContext.newPage();
            forger.navigate(base + "panggilan-video#code=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
            forger.locator("#join-call").click();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> forger.locator("#call-error").isVisible());
            assertThat("connected".equals(operator.locator("#call-state").getAttribute("data-state")))
                    .as("the operator's call with the citizen goes on").isTrue();

            operator.locator("#ktp-checked").check();
            operator.locator("#approve").click();
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> citizen.locator("#call-state").textContent().contains("Data Anda disetujui"));
        }
    }

    /** The pages' console and errors in the test's output: what a failed call says about itself. */
    private static void watch(Page page, String who) {
        page.onConsoleMessage(message -> System.out.println("[" + who + " console] " + message.text()));
        page.onPageError(error -> System.out.println("[" + who + " error] " + error));
        page.onRequestFailed(request -> System.out.println("[" + who + " request failed] " + request.url()));
    }

    private static double frames(Page page) {
        return ((Number) page.evaluate("document.getElementById('remote-video').getVideoPlaybackQuality().totalVideoFrames"))
                .doubleValue();
    }

    /** The citizen's page, opened from the app's link, asks for the call and waits for an officer. */
    private Page citizenJoins(BrowserContext context, String code) {
        Page citizen = context.newPage();
        watch(citizen, "citizen");
        citizen.navigate(base + "panggilan-video#code=" + code);
        citizen.locator("#join-call").click();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> citizen.locator("#call-state").textContent().contains("Menunggu petugas"));
        return citizen;
    }

    /** The operator signs in and answers the call from the portal's video queue. */
    private Page operatorAnswers(BrowserContext context, String callId) {
        Page operator = signIn(context);
        watch(operator, "operator");
        operator.navigate(base + "portal/video-calls");
        operator.locator("tr[data-call='" + callId + "'] .answer-call").click();
        operator.waitForURL("**/portal/video-calls/*");
        return operator;
    }

    private Page signIn(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(base + "portal");
        page.locator("#username").fill("demo.operator");
        page.locator("#password").fill(TestSupport.DEMO_PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL("**/portal/queue");
        return page;
    }
}
