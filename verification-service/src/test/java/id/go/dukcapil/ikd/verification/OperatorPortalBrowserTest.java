package id.go.dukcapil.ikd.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.PhonePages;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import id.go.dukcapil.ikd.web.Digests;

/**
 * The operator portal in a real headless Chromium: log in, type the short code, compare, approve;
 * and, as a form-posting client, that every form without its CSRF token is refused and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class OperatorPortalBrowserTest {

    /** A 1x1 PNG standing in for the citizen's selfie. */
    private static final byte[] SELFIE = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SESSION_COOKIE = "ikd_operator_session";
    private static final String CSRF_COOKIE = "ikd_portal_csrf";
    private static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"([^\"]*)\">");
    private static final String REFUSED_ID = "Formulir kedaluwarsa atau tidak sah";
    private static final String REFUSED_EN = "The form expired or is not valid";
    /** Well formed, but not the token any page handed out. */
    private static final String WRONG_TOKEN = "A".repeat(43);

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @TestHTTPResource("/")
    URL base;

    private static WireMock registrationService() {
        return new WireMock("127.0.0.1",
                ConfigProvider.getConfig().getValue(RegistrationServiceStub.PORT_PROPERTY, Integer.class));
    }

    private Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(base + "portal");
        assertThat(page.url()).endsWith("/portal/login");
        PhonePages.assertFitsAndReads(page, "login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestSupport.DEMO_PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL("**/portal/queue");
        return page;
    }

    /** A form-posting client signed in through the login form: the two cookies a browser then holds. */
    private record Visitor(String session, String csrf) {

        /** A form POST with both cookies; the CSRF field is the caller's to send, leave out or get wrong. */
        RequestSpecification form() {
            return given().redirects().follow(false).contentType(FORM).cookie(SESSION_COOKIE, session)
                    .cookie(CSRF_COOKIE, csrf);
        }
    }

    /** Opens the login page and signs in through its form as a browser does: with the page's cookie and hidden field. */
    private static Visitor signInThroughTheForm(String username) {
        String pageToken = loginPageToken();
        ExtractableResponse<?> signedIn = loginForm(username, TestSupport.DEMO_PASSWORD).cookie(CSRF_COOKIE, pageToken)
                .formParam("csrf", pageToken).post("/portal/login").then().statusCode(303).extract();
        String csrf = signedIn.cookie(CSRF_COOKIE);
        // a new token comes with the session: one known before signing in is worth nothing after
        assertThat(csrf).isNotEqualTo(pageToken).matches("[A-Za-z0-9_-]{43}");
        return new Visitor(signedIn.cookie(SESSION_COOKIE), csrf);
    }

    /** The token the login page hands out, in its cookie and in the form's hidden field alike. */
    private static String loginPageToken() {
        ExtractableResponse<?> loginPage = given().get("/portal/login").then().statusCode(200).extract();
        String token = loginPage.cookie(CSRF_COOKIE);
        assertThat(csrfFields(loginPage.asString())).containsExactly(token);
        return token;
    }

    private static RequestSpecification loginForm(String username, String password) {
        return given().redirects().follow(false).contentType(FORM).formParam("username", username)
                .formParam("password", password);
    }

    private static List<String> csrfFields(String html) {
        return CSRF_FIELD.matcher(html).results().map(match -> match.group(1)).toList();
    }

    /**
     * Posts {@code fields} with the session but without the CSRF field, with a wrong one, and with the
     * right one but no CSRF cookie: each refused with the notice on {@code pageMarker}'s page, the
     * session cookie untouched, and the page's forms carrying the token that works.
     */
    private static void assertRefusedWithoutItsToken(Visitor visitor, String path, Map<String, String> fields,
            String pageMarker) {
        List<RequestSpecification> forged = List.of(
                visitor.form().formParams(fields),
                visitor.form().formParams(fields).formParam("csrf", WRONG_TOKEN),
                given().redirects().follow(false).contentType(FORM).cookie(SESSION_COOKIE, visitor.session())
                        .formParams(fields).formParam("csrf", visitor.csrf()));
        for (RequestSpecification form : forged) {
            ExtractableResponse<?> refused = form.post(path).then().statusCode(403)
                    .body(containsString(REFUSED_ID)).body(containsString(REFUSED_EN))
                    .body(containsString(pageMarker)).extract();
            assertThat(refused.cookies()).doesNotContainKey(SESSION_COOKIE);
            assertThat(csrfFields(refused.asString())).isNotEmpty().containsOnly(refused.cookie(CSRF_COOKIE));
        }
    }

    /** The case as the API (bearer token, no cookie, no CSRF token) shows it. */
    private static ValidatableResponse caseOf(String token, String caseId) {
        return given().auth().oauth2(token).get("/api/v1/operator/cases/" + caseId).then().statusCode(200);
    }

    @Test
    void anOperatorScansACaseByCodeApprovesItAndItLeavesTheQueue() {
        UUID registrationId = UUID.randomUUID();
        String shortCode = TestSupport.shortCode();
        registrationService().register(get(urlEqualTo("/api/v1/registrations/" + registrationId + "/selfie"))
                .withHeader("Authorization", matching("Bearer ey.+"))
                .withHeader("X-IKD-Case-Grant", matching("ey.+")) // the portal sends the case grant of the office
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(SELFIE)));
        try (TopicProbe decisions = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION);
                BrowserContext context = CHROMIUM.browser().newContext()) {
            Instant now = Instant.now();
            TestSupport.publish(new RegistrationSubmitted(registrationId, "3171011212000001", "bagus@example.id",
                    "+6281234567890", "id", TestSupport.DEVICE_JWK, "thumb", shortCode,
                    Digests.sha256Hex(SELFIE), now, null));
            UUID codeId = UUID.randomUUID();
            RegistrationServiceStub.codeIssued(registrationId, codeId, 1);
            TestSupport.publish(new id.go.dukcapil.ikd.events.CounterCodeIssued(registrationId, codeId,
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
            assertThat(page.locator("#service-log").textContent()).contains("Diputuskan").doesNotContain("DECIDED");
            page.locator("text=Laporan SLA").first().click();
            assertThat(page.locator("h1").textContent()).contains("Laporan SLA");
        }
    }

    @Test
    void theComparisonPageSurvivesAMissingSelfieAndTheCameraIsOptional() {
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Registration registration = TestSupport.submit("3171017004980001");
            Page page = signIn(context, "demo.operator");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                page.reload();
                return page.locator("tr[data-registration='" + registration.registrationId() + "']").count() == 1;
            });
            page.navigate(base + "portal/scan");
            assertThat(page.locator("#camera-start").isVisible()).isTrue();
            assertThat(page.evaluate("typeof jsQR")).as("jsQR, served from platform/web-assets").isEqualTo("function");
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
        String cookie = signInThroughTheForm("demo.operator").session();
        given().cookie("ikd_operator_session", cookie).get("/portal/cases/" + caseId).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("swafoto tidak sama dengan yang didaftarkan"));
        // an admin signs in but is sent to the API
        String adminCookie = signInThroughTheForm("admin").session();
        given().redirects().follow(false).cookie("ikd_operator_session", adminCookie).get("/portal/queue").then()
                .statusCode(403).body(org.hamcrest.Matchers.containsString("Portal ini untuk petugas dan supervisor"));
        // one sign-in rule for every portal page: the register, the video queue and the complaints say the same
        for (String page : java.util.List.of("/portal/register", "/portal/video-calls", "/portal/complaints")) {
            given().redirects().follow(false).cookie("ikd_operator_session", adminCookie).get(page).then()
                    .statusCode(403).body(org.hamcrest.Matchers.containsString("Portal ini untuk petugas dan supervisor"));
        }
    }

    @Test
    void thePortalNeedsASignedInOperator() {
        given().redirects().follow(false).get("/portal/queue").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/portal/login"));
        given().redirects().follow(false).cookie("ikd_operator_session", "forged.token.value").get("/portal/queue")
                .then().statusCode(303);
        String pageToken = loginPageToken();
        loginForm("demo.operator", "wrong-password").cookie(CSRF_COOKIE, pageToken).formParam("csrf", pageToken)
                .post("/portal/login").then().statusCode(401)
                .body(org.hamcrest.Matchers.containsString("Nama pengguna atau kata sandi salah"));
        String cookie = signInThroughTheForm("demo.operator").session();
        given().redirects().follow(false).cookie("ikd_operator_session", cookie).get("/portal/queue").then()
                .statusCode(200).header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"));
        given().cookie("ikd_operator_session", cookie).get("/portal/service-log.csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("waktu_lokal_local_time,zona_zone,"));
    }

    @Test
    void aLoginFormWithoutItsCsrfTokenIsRefusedBeforeThePasswordIsChecked() {
        String account = "sukodadi.operator"; // no other test signs in with it: its failure counter is this test's
        String pageToken = loginPageToken();
        // what another site's page can post: no CSRF cookie (SameSite=Strict) or no field, or a guessed one
        List<RequestSpecification> forged = List.of(
                loginForm(account, TestSupport.DEMO_PASSWORD),
                loginForm(account, TestSupport.DEMO_PASSWORD).cookie(CSRF_COOKIE, pageToken),
                loginForm(account, TestSupport.DEMO_PASSWORD).cookie(CSRF_COOKIE, pageToken).formParam("csrf", WRONG_TOKEN),
                loginForm(account, TestSupport.DEMO_PASSWORD).formParam("csrf", pageToken));
        for (RequestSpecification form : forged) {
            ExtractableResponse<?> refused = form.post("/portal/login").then().statusCode(403)
                    .body(containsString(REFUSED_ID)).body(containsString(REFUSED_EN))
                    .body(containsString("id=\"login-form\"")).extract();
            assertThat(refused.cookies()).doesNotContainKey(SESSION_COOKIE);
            assertThat(csrfFields(refused.asString())).containsExactly(refused.cookie(CSRF_COOKIE));
        }
        // nothing is tried: six wrong passwords without the token would lock the account (after 5) if they were checked
        for (int attempt = 0; attempt < 6; attempt++) {
            loginForm(account, "wrong-password").cookie(CSRF_COOKIE, pageToken).post("/portal/login").then()
                    .statusCode(403);
        }
        assertThat(signInThroughTheForm(account).session()).isNotBlank();
    }

    @Test
    void scanDecisionAndLogoutFormsWithoutTheirCsrfTokenAreRefusedAndChangeNothing() {
        Registration registration = TestSupport.submit("3171011212000001");
        String api = TestSupport.login("demo.operator");
        String caseId = VerificationFlowTest.awaitQueued(api, registration.registrationId());
        Visitor visitor = signInThroughTheForm("demo.operator");

        // scan: the case is not taken, it stays in the queue
        Map<String, String> scan = Map.of("shortCode", registration.shortCode());
        assertRefusedWithoutItsToken(visitor, "/portal/scan", scan, "id=\"code-form\"");
        caseOf(api, caseId).body("status", equalTo("QUEUED")).body("scannedAt", nullValue());
        visitor.form().formParams(scan).formParam("csrf", visitor.csrf()).post("/portal/scan").then().statusCode(303)
                .header("Location", endsWith("/portal/cases/" + caseId));
        caseOf(api, caseId).body("status", equalTo("IN_REVIEW"));

        // decision: the comparison page again, no decision recorded
        String decision = "/portal/cases/" + caseId + "/decision";
        Map<String, String> approval = Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", "on");
        assertRefusedWithoutItsToken(visitor, decision, approval, "<strong id=\"case-status\" data-status=\"IN_REVIEW\">");
        caseOf(api, caseId).body("status", equalTo("IN_REVIEW")).body("decision", nullValue())
                .body("decidedAt", nullValue());
        String requestKey = UUID.randomUUID().toString(); // as the page draws it into the form
        for (int send = 0; send < 2; send++) { // a double click, or the browser sending it again
            visitor.form().formParams(approval).formParam("requestKey", requestKey).formParam("csrf", visitor.csrf())
                    .post(decision).then().statusCode(303).header("Location", endsWith("/portal/queue?done=" + caseId));
        }
        caseOf(api, caseId).body("status", equalTo("APPROVED"));
        // another rendering of the form (another key) is another decision: refused on its page
        visitor.form().formParams(approval).formParam("requestKey", UUID.randomUUID().toString())
                .formParam("csrf", visitor.csrf()).post(decision).then().statusCode(409);

        // logout: still signed in
        assertRefusedWithoutItsToken(visitor, "/portal/logout", Map.of(), "id=\"logout-form\"");
        given().redirects().follow(false).cookie(SESSION_COOKIE, visitor.session()).get("/portal/queue").then()
                .statusCode(200);
        ExtractableResponse<?> signedOut = visitor.form().formParam("csrf", visitor.csrf()).post("/portal/logout")
                .then().statusCode(303).header("Location", endsWith("/portal/login")).extract();
        assertThat(signedOut.detailedCookie(SESSION_COOKIE).getMaxAge()).isZero();
    }

    @Test
    void aCentralReviewFormWithoutItsCsrfTokenIsRefusedAndTheCaseStillAwaitsTheVerifier() {
        String operator = TestSupport.login("payakumbuh.operator");
        Registration registration = TestSupport.submit("1376020505880001");
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200);
        VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER",
                "ktpElChecked", true)).statusCode(200).body("status", equalTo("AWAITING_CENTRAL"));
        Visitor verifier = signInThroughTheForm("pusat.verifikator");

        String review = "/portal/cases/" + caseId + "/review";
        assertRefusedWithoutItsToken(verifier, review, Map.of("decision", "APPROVED"), "id=\"review-form\"");
        caseOf(operator, caseId).body("status", equalTo("AWAITING_CENTRAL"))
                .body("decision.state", equalTo("AWAITING_CENTRAL"));
        verifier.form().formParam("decision", "APPROVED").formParam("csrf", verifier.csrf()).post(review).then()
                .statusCode(303).header("Location", endsWith("/portal/queue?done=" + caseId));
        caseOf(operator, caseId).body("status", equalTo("APPROVED"));
    }

    @Test
    void inTheBrowserAFormWithAStaleTokenIsRefusedOnItsPageAndGoesThroughWhenSentAgain() {
        Registration registration = TestSupport.submit("3171017004980001");
        String api = TestSupport.login("demo.operator");
        String caseId = VerificationFlowTest.awaitQueued(api, registration.registrationId());
        VerificationFlowTest.scan(api, Map.of("shortCode", registration.shortCode())).statusCode(200);
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = signIn(context, "demo.operator");
            Cookie csrf = context.cookies().stream().filter(cookie -> cookie.name.equals(CSRF_COOKIE)).findFirst()
                    .orElseThrow();
            assertThat(csrf.httpOnly).isTrue();
            assertThat(csrf.sameSite).isEqualTo(SameSiteAttribute.STRICT);
            assertThat(csrf.path).isEqualTo("/portal");
            assertThat(page.locator("#logout-form input[name=csrf]").inputValue()).isEqualTo(csrf.value);

            page.navigate(base + "portal/cases/" + caseId);
            assertThat(page.locator("#decision-form input[name=csrf]").inputValue()).isEqualTo(csrf.value);
            // the form's token is no longer the browser's, as in a tab left open across a new sign-in
            page.locator("#decision-form input[name=csrf]").evaluate("field => field.value = '" + WRONG_TOKEN + "'");
            page.locator("#ktpElChecked").check();
            com.microsoft.playwright.Response refused = page.waitForResponse(
                    response -> response.url().endsWith("/decision"), () -> page.locator("#approve").click());
            assertThat(refused.status()).isEqualTo(403);
            page.waitForURL("**/portal/cases/" + caseId + "/decision");
            assertThat(page.locator("#notice").textContent()).contains(REFUSED_ID).contains(REFUSED_EN);
            assertThat(page.locator("#case-status").getAttribute("data-status")).isEqualTo("IN_REVIEW");
            assertThat(page.locator("#case-status").textContent()).contains("Sedang diverifikasi").doesNotContain("IN_REVIEW");
            caseOf(api, caseId).body("status", equalTo("IN_REVIEW")).body("decision", nullValue());

            // the page came back with the browser's token: the same decision now goes through
            page.locator("#ktpElChecked").check();
            page.locator("#approve").click();
            page.waitForURL("**/portal/queue?done=*");
            caseOf(api, caseId).body("status", equalTo("APPROVED"));

            page.locator("#logout").click();
            page.waitForURL("**/portal/login");
            page.navigate(base + "portal/queue");
            assertThat(page.url()).endsWith("/portal/login");
        }
    }

    @Test
    void aTapinCaseShowsItsTimesInWitaInWordsAndFitsAPhone() {
        java.time.format.DateTimeFormatter wita = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Makassar"));
        Registration registration = TestSupport.submit("6305041708850001"); // AHMAD FAUZI, Tapin (Kalimantan Selatan)
        String api = TestSupport.login("tapin.operator");
        String caseId = VerificationFlowTest.awaitQueued(api, registration.registrationId());
        Instant submittedAt = Instant.parse(caseOf(api, caseId).extract().path("registration.submittedAt"));
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = signIn(context, "tapin.operator");
            Locator row = page.locator("tr[data-case='" + caseId + "']");
            assertThat(row.locator("td.submitted").textContent()).isEqualTo(wita.format(submittedAt) + " WITA");
            assertThat(row.locator("td[data-status]").textContent()).contains("Menunggu pemohon di loket")
                    .doesNotContain("QUEUED");
            PhonePages.assertFitsAndReads(page, "queue");

            page.navigate(base + "portal/scan");
            PhonePages.assertFitsAndReads(page, "scan");
            page.locator("#shortCode").fill(registration.shortCode());
            page.locator("#code-submit").click();
            page.waitForURL("**/portal/cases/*");
            assertThat(page.locator("#submitted-at").textContent()).isEqualTo(wita.format(submittedAt) + " WITA");
            assertThat(page.locator("#scanned-at").textContent()).endsWith(" WITA");
            assertThat(page.locator("#registry-ktp").textContent()).contains("Sudah dicetak").doesNotContain("PRINTED");
            assertThat(page.locator("#registry-status").textContent()).contains("Hidup").contains("Penduduk setempat")
                    .doesNotContain("ALIVE").doesNotContain("RESIDENT");
            PhonePages.assertFitsAndReads(page, "case");
            page.locator("#ktpElChecked").check();
            page.locator("#approve").click();
            page.waitForURL("**/portal/queue?done=*");
            Instant decidedAt = Instant.parse(caseOf(api, caseId).extract().path("decidedAt"));

            page.navigate(base + "portal/service-log");
            assertThat(page.locator("#log-zone").textContent()).contains("WITA").contains("Waktu Indonesia Tengah");
            Locator decided = page.locator("#service-log tr:has(td[data-action='DECIDED'])").last();
            assertThat(decided.locator("td.time").textContent()).isEqualTo(wita.format(decidedAt) + " WITA");
            assertThat(decided.textContent()).contains("Diputuskan").contains("Disetujui / Approved")
                    .doesNotContain("DECIDED").doesNotContain("APPROVED");
            PhonePages.assertFitsAndReads(page, "service log");

            page.navigate(base + "portal/sla");
            assertThat(page.locator("main").textContent()).contains("WITA").contains("Persetujuan di kantor")
                    .doesNotContain("SCANNED").doesNotContain("LOCAL");
            // a date range can be chosen; the charts are drawn by Chart.js from the report's figures
            assertThat(page.locator("form.sla-range input[name=from]").count()).isEqualTo(1);
            assertThat(page.locator("canvas.sla-chart[data-kind=throughput]").count()).isGreaterThanOrEqualTo(1);
            assertThat(page.evaluate("() => [...document.querySelectorAll('canvas.sla-chart')].every(c => c.chart"
                    + " && c.chart.data.datasets[0].data.length > 0 && c.width > 0)")).isEqualTo(true);
            PhonePages.assertFitsAndReads(page, "SLA report");
            // the check sees an overflow when there is one (a page wider than the phone)
            page.evaluate("() => { document.querySelector('main').style.minWidth = '800px'; }");
            assertThat(page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(false);

            // the CSV: local time with its offset and the zone's name, words instead of codes
            String csv = context.request().get(base + "portal/service-log.csv").text();
            String line = csv.lines().filter(l -> l.contains(caseId) && l.contains("Diputuskan")).findFirst().orElseThrow();
            assertThat(line).contains(decidedAt.atZone(java.time.ZoneId.of("Asia/Makassar")).toOffsetDateTime()
                    .toString().substring(0, 16)).contains("+08:00,WITA,").contains("Disetujui / Approved")
                    .doesNotContain("APPROVED").doesNotContain("DECIDED");
        }
    }
}
