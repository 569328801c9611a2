package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static io.restassured.matcher.RestAssuredMatchers.detailedCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitForSelectorState;

import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.activation.support.Journey;
import id.go.dukcapil.ikd.activation.support.JourneyTopics;
import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.activation.support.TestClock;
import id.go.dukcapil.ikd.testing.ContrastCheck;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The activation page in a real headless Chromium: the page's own script solves the captcha,
 * the citizen types the PIN, and the page says what happened.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class ActivationPageBrowserTest {

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @TestHTTPResource("/activate")
    URL activatePage;

    @Inject
    TestClock clock;

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationOnly();

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        context = CHROMIUM.browser().newContext();
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
    }

    @AfterEach
    void close() {
        clock.reset();
        context.close();
    }

    @Test
    void theCitizenActivatesWithTheLinkThePinAndTheBrowserSolvedCaptcha() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());

        Response response = page.navigate(linkFor(approved.secrets().linkToken()));
        assertThat(response.headers().get("content-security-policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 while the captcha is solved").isEmpty();
        page.waitForSelector("#captcha[data-solved=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        page.fill("#pin", approved.secrets().pin());
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 with the form ready").isEmpty();
        page.click("#activate-button");

        page.waitForSelector("#result-success");
        assertThat(page.textContent("#result-success")).contains("Aktivasi berhasil").contains("Activation succeeded");
        assertThat(page.url()).doesNotContain(approved.secrets().pin()).doesNotContain("pin=");
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on success").isEmpty();
        assertThat(consoleErrors).isEmpty();

        // the link, opened again, says it was used
        page.navigate(linkFor(approved.secrets().linkToken()));
        assertThat(page.textContent("#result-used")).contains("Sudah diaktifkan").contains("Already activated");
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on a used link").isEmpty();
    }

    @Test
    void aWrongPinIsExplainedWithTheTriesLeftAndTheCitizenStaysOnThePage() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());

        page.navigate(linkFor(approved.secrets().linkToken()));
        page.waitForSelector("#captcha[data-solved=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        page.fill("#pin", Journey.wrongPin(approved.secrets().pin()));
        page.click("#activate-button");

        page.waitForSelector("#error-wrong-pin");
        assertThat(page.textContent("#error-wrong-pin")).contains("PIN salah. Sisa percobaan: 4")
                .contains("Wrong PIN. Attempts left: 4");
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 with a wrong PIN").isEmpty();
        assertThat(page.url()).doesNotContain(Journey.wrongPin(approved.secrets().pin()));
        // still on the form, with a fresh captcha solved by the page
        page.waitForSelector("#captcha[data-solved=true]", new Page.WaitForSelectorOptions().setTimeout(60_000)
                .setState(WaitForSelectorState.ATTACHED));
        assertThat(page.isVisible("#pin")).isTrue();
    }

    @Test
    void anExpiredLinkSaysSoAndOffersANewPin() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        clock.advance(Duration.ofHours(25));

        page.navigate(linkFor(approved.secrets().linkToken()));
        assertThat(page.textContent("#result-expired")).contains("PIN kedaluwarsa").contains("Expired");
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on an expired link").isEmpty();
        page.click("#resend-button");

        page.waitForSelector("#notice-resent");
        topics.activation().await(Journey.codeIssuedFor(approved.registrationId())
                .and(record -> record.value().contains("\"sequence\":2")), Duration.ofSeconds(30));
        assertThat(page.textContent("#result-replaced")).contains("PIN sudah diganti");
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 with a new PIN sent").isEmpty();
    }

    @Test
    void aFormPostedWithoutTheCsrfCookieIsRefusedAndNothingIsTried() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("t", approved.secrets().linkToken()).formParam("pin", approved.secrets().pin())
                .formParam("captcha", Journey.solvedCaptcha()).formParam("csrf", "A".repeat(43))
                .post("/activate").then().statusCode(303).header("Location", endsWith("r=CSRF"));
        // the code is untouched: the right PIN still activates
        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(200);
    }

    @Test
    void theFormSentTwiceIsOneActivationAndBothAnswersSayActivated() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        io.restassured.response.ExtractableResponse<?> shown = given()
                .get("/activate?t=" + approved.secrets().linkToken()).then().statusCode(200).extract();
        String csrf = shown.cookie("ikd_csrf");
        java.util.regex.Matcher drawn = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"requestKey\" value=\"([A-Za-z0-9-]{36})\">")
                .matcher(shown.asString());
        assertThat(drawn.find()).as("the page draws a key into the form").isTrue();
        String captcha = Journey.solvedCaptcha();
        for (int send = 0; send < 2; send++) { // a double tap, or the browser sending the form again
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded").cookie("ikd_csrf", csrf)
                    .formParam("t", approved.secrets().linkToken()).formParam("pin", approved.secrets().pin())
                    .formParam("captcha", captcha).formParam("requestKey", drawn.group(1)).formParam("csrf", csrf)
                    .post("/activate").then().statusCode(303).header("Location", endsWith("r=ACTIVATED"));
        }
    }

    @Test
    void theCsrfCookieIsHttpOnlyStrictOnTheActivationPathAndTheFormsCarryIt() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        String link = "/activate?t=" + approved.secrets().linkToken();

        io.restassured.response.ExtractableResponse<?> first = given().get(link).then().statusCode(200)
                .cookie("ikd_csrf", detailedCookie().httpOnly(true).sameSite("Strict").path("/activate").secured(false))
                .extract();
        String token = first.cookie("ikd_csrf");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.asString()).contains("<input type=\"hidden\" name=\"csrf\" value=\"" + token + "\">");
        // the browser's token is kept while it is well formed (other tabs stay valid); junk is replaced
        given().cookie("ikd_csrf", token).get(link).then().statusCode(200).cookie("ikd_csrf", token);
        String replaced = given().cookie("ikd_csrf", "junk").get(link).then().statusCode(200).extract().cookie("ikd_csrf");
        assertThat(replaced).isNotEqualTo("junk").matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void anUnknownLinkExplainsItself() {
        given().get("/activate?t=unknown-token").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("Tautan tidak dikenal"));
    }

    private String linkFor(String linkToken) {
        return activatePage + "?t=" + linkToken;
    }

    /** The self-deactivation page, even for a link that opens nothing, fits a phone and reads at AA. */
    @Test
    void theDeactivationPageFitsAPhoneAndReads() {
        try (BrowserContext phone = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(360, 640))) {
            Page deactivate = phone.newPage();
            Response answer = deactivate.navigate(
                    activatePage.toString().replace("/activate", "/deactivate?t=not-a-link"));
            assertThat(answer.status()).isLessThan(500);
            assertThat(deactivate.textContent("body")).isNotBlank();
            id.go.dukcapil.ikd.testing.PhonePages.assertFitsAndReads(deactivate, "deactivation page");
        }
    }
}
