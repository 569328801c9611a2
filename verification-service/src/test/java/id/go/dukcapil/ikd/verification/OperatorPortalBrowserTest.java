package id.go.dukcapil.ikd.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.testing.HeadlessChromium;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import id.go.dukcapil.ikd.verification.demo.ResidentPhotos;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The operator portal in a real headless Chromium: log in, type the short code, compare, approve. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class OperatorPortalBrowserTest {

    /** A 1x1 PNG standing in for the citizen's selfie. */
    private static final byte[] SELFIE = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = HeadlessChromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private static WireMock registrationService() {
        return new WireMock("127.0.0.1",
                ConfigProvider.getConfig().getValue(RegistrationServiceStub.PORT_PROPERTY, Integer.class));
    }

    private Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(base + "portal");
        assertThat(page.url()).endsWith("/portal/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestSupport.DEMO_PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL("**/portal/queue");
        return page;
    }

    @Test
    void anOperatorScansACaseByCodeApprovesItAndItLeavesTheQueue() {
        UUID registrationId = UUID.randomUUID();
        String shortCode = TestSupport.shortCode();
        registrationService().register(get(urlEqualTo("/api/v1/registrations/" + registrationId + "/selfie"))
                .withHeader("Authorization", matching("Bearer ey.+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(SELFIE)));
        try (TopicProbe decisions = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION);
                BrowserContext context = browser.newContext()) {
            Instant now = Instant.now();
            TestSupport.publish(new RegistrationSubmitted(registrationId, "3171011212000001", "bagus@example.id",
                    "+6281234567890", "id", TestSupport.DEVICE_JWK, "thumb", shortCode,
                    ResidentPhotos.sha256Hex(SELFIE), now, null));
            TestSupport.publish(new id.go.dukcapil.ikd.events.CounterCodeIssued(registrationId, UUID.randomUUID(),
                    shortCode, 1, now, now.plus(Duration.ofMinutes(10))));

            Page page = signIn(context, "demo.operator");
            // the case reaches the queue through Kafka; the operator refreshes until it is there
            Locator row = page.locator("tr[data-registration='" + registrationId + "']");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                page.reload();
                return row.count() == 1;
            });

            page.locator("#nav-scan").click();
            page.locator("#shortCode").fill(shortCode.toLowerCase());
            page.locator("#code-submit").click();
            page.waitForURL("**/portal/cases/*");
            assertThat(page.locator("#registry-name").textContent()).isEqualTo("BAGUS WICAKSONO");
            assertThat(page.locator("#registration-nik").textContent()).isEqualTo("3171011212000001");
            assertThat(page.locator("#selfie").getAttribute("src")).startsWith("data:image/png;base64,");
            assertThat(page.locator("#registry-photo").getAttribute("src")).startsWith("data:image/svg+xml;base64,");
            assertThat(page.locator("#no-flags").isVisible()).isTrue();

            // approving without confirming the KTP-el check is refused on the page
            page.locator("#approve").click();
            assertThat(page.locator("#notice").textContent()).contains("KTP-el belum dinyatakan diperiksa");

            page.locator("#ktpElChecked").check();
            page.locator("#approve").click();
            page.waitForURL("**/portal/queue?done=*");
            assertThat(page.locator("#notice").textContent()).contains("Keputusan tersimpan");
            assertThat(page.locator("tr[data-registration='" + registrationId + "']").count()).isZero();

            VerificationDecided decided = EventJson.read(decisions.await(
                    r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(30)).value(),
                    VerificationDecided.class);
            assertThat(decided.attributes().fullName()).isEqualTo("BAGUS WICAKSONO");
            assertThat(decided.office().officeCode()).isEqualTo("3171-DEMO");

            page.locator("text=Buku pelayanan").first().click();
            page.waitForURL("**/portal/service-log");
            assertThat(page.locator("#service-log").textContent()).contains("DECIDED");
            page.locator("text=Laporan SLA").first().click();
            assertThat(page.locator("h1").textContent()).contains("Laporan SLA");
        }
    }

    @Test
    void theComparisonPageSurvivesAMissingSelfieAndTheCameraIsOptional() {
        try (BrowserContext context = browser.newContext()) {
            Registration registration = TestSupport.submit("3171017004980001");
            Page page = signIn(context, "demo.operator");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                page.reload();
                return page.locator("tr[data-registration='" + registration.registrationId() + "']").count() == 1;
            });
            page.navigate(base + "portal/scan");
            assertThat(page.locator("#camera-start").isVisible()).isTrue();
            page.locator("#shortCode").fill(registration.shortCode());
            page.locator("#code-submit").click();
            page.waitForURL("**/portal/cases/*");
            // registration-service has no selfie for it (the stub answers 404)
            assertThat(page.locator("#selfie").count()).isZero();
            assertThat(page.locator("#selfie-state").textContent()).contains("Swafoto tidak tersedia");
            assertThat(page.locator("#registry-name").textContent()).isEqualTo("MARIA CHRISTINA");

            page.navigate(base + "portal/scan");
            page.locator("#shortCode").fill("ZZZZ-ZZZZ");
            page.locator("#code-submit").click();
            assertThat(page.locator("#notice").textContent()).contains("Kode loket tidak dikenal");
        }
    }

    @Test
    void aSelfieThatIsNotTheRegisteredOneIsFlagged() {
        Registration registration = TestSupport.submit("3171011212000001"); // announces selfieSha256 "aaaa..."
        registrationService().register(get(urlEqualTo("/api/v1/registrations/" + registration.registrationId() + "/selfie"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(SELFIE)));
        String token = TestSupport.login("demo.operator");
        String caseId = VerificationFlowTest.awaitQueued(token, registration.registrationId());
        VerificationFlowTest.scan(token, Map.of("shortCode", registration.shortCode())).statusCode(200);
        String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "demo.operator").formParam("password", TestSupport.DEMO_PASSWORD)
                .post("/portal/login").then().statusCode(303).extract().cookie("ikd_operator_session");
        given().cookie("ikd_operator_session", cookie).get("/portal/cases/" + caseId).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("swafoto tidak sama dengan yang didaftarkan"));
        // an admin signs in but is sent to the API
        String adminCookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "admin").formParam("password", TestSupport.DEMO_PASSWORD)
                .post("/portal/login").then().statusCode(303).extract().cookie("ikd_operator_session");
        given().redirects().follow(false).cookie("ikd_operator_session", adminCookie).get("/portal/queue").then()
                .statusCode(403).body(org.hamcrest.Matchers.containsString("Portal ini untuk petugas dan supervisor"));
    }

    @Test
    void thePortalNeedsASignedInOperator() {
        given().redirects().follow(false).get("/portal/queue").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/portal/login"));
        given().redirects().follow(false).cookie("ikd_operator_session", "forged.token.value").get("/portal/queue")
                .then().statusCode(303);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "demo.operator").formParam("password", "wrong-password")
                .post("/portal/login").then().statusCode(401)
                .body(org.hamcrest.Matchers.containsString("Nama pengguna atau kata sandi salah"));
        String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "demo.operator").formParam("password", TestSupport.DEMO_PASSWORD)
                .post("/portal/login").then().statusCode(303).extract().cookie("ikd_operator_session");
        given().redirects().follow(false).cookie("ikd_operator_session", cookie).get("/portal/queue").then()
                .statusCode(200).header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"));
        given().cookie("ikd_operator_session", cookie).get("/portal/service-log.csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("occurred_at,"));
    }
}
