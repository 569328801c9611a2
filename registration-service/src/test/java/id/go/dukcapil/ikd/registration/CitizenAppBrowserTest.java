package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.testing.HeadlessChromium;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The citizen web app at /app in a real headless Chromium: it registers with a device key made by
 * WebCrypto and a selfie file, shows the counter code, and follows the approval live.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class CitizenAppBrowserTest {

    private static final String NIK = "3171011212000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIVE = Duration.ofSeconds(30);

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/app")
    URL app;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = HeadlessChromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext();
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(consoleErrors::add);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theCitizenRegistersSeesTheCounterCodeAndTheApprovalArrivesLive() throws Exception {
        Response response = page.navigate(app.toString());
        assertThat(page.url()).endsWith("/app/");
        assertThat(response.headers().get("content-security-policy")).contains("script-src 'self'")
                .contains("connect-src 'self' http://localhost:8083 http://localhost:8084")
                .doesNotContain("unsafe-inline");

        page.fill("#nik", NIK);
        page.fill("#email", "warga.app@example.id");
        page.fill("#phone", "0812 3456 7890");
        page.selectOption("#language", "en");
        page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Citizens.image("png", 480, 640)));
        page.waitForSelector("#selfie-preview:not([hidden])");
        try (TopicProbe registrationTopic = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            page.click("#register-button");

            page.waitForSelector("#counter-qr[data-rendered=true]");
            String deviceKey = (String) page.evaluate(
                    "async () => { const keys = await import('/app/device-key.js'); return keys.publicJwk(await keys.deviceKey()); }");
            RegistrationSubmitted submitted = EventJson.read(registrationTopic.await(
                    TopicProbe.ofType(EventType.REGISTRATION_SUBMITTED.type()).and(r -> r.value().contains(NIK)), LIVE).value(), RegistrationSubmitted.class);
            assertThat(submitted.nik()).isEqualTo(NIK);
            JsonNode registeredKey = JSON.readTree(submitted.deviceKeyJwk());
            JsonNode browserKey = JSON.readTree(deviceKey);
            assertThat(registeredKey.get("x")).isEqualTo(browserKey.get("x"));
            assertThat(registeredKey.get("y")).isEqualTo(browserKey.get("y"));
            assertThat(browserKey.has("d")).isFalse();
            assertThatTheDeviceSignsNoncesAsCompactEs256(deviceKey);
        }
        String shortCode = page.textContent("#short-code");
        assertThat(shortCode).matches("^[0-9A-Z-]{4,16}$");
        assertThat(page.textContent("#counter-expiry")).contains("Berlaku").contains("valid for");
        assertThat(page.isVisible("#register-section")).isFalse();

        Map<String, Object> stored = JSON.readValue(
                (String) page.evaluate("() => localStorage.getItem('ikd.app.registration')"), new TypeReference<>() {
                });
        String id = (String) stored.get("registrationId");
        String secret = (String) stored.get("registrationSecret");
        given().header(Citizens.SECRET_HEADER, secret).get("/api/v1/registrations/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING_VERIFICATION"));
        page.waitForSelector("#timeline li[data-kind=SUBMITTED]");
        assertThat(page.textContent("#timeline li[data-kind=SUBMITTED]")).contains("Pendaftaran diterima")
                .contains("Registration received");

        Citizens.publish(bootstrap, approved(UUID.fromString(id)));

        page.waitForSelector("#timeline li[data-kind=APPROVED]",
                new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
        assertThat(page.textContent("#timeline li[data-kind=APPROVED]")).contains("Disetujui").contains("Approved");
        page.waitForSelector("#counter-section", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.HIDDEN));
        assertThat(consoleErrors).isEmpty();
    }

    /** The signature activation-service checks when the app opens a citizen session. */
    private void assertThatTheDeviceSignsNoncesAsCompactEs256(String publicJwk) throws Exception {
        String nonce = "Vb3-nonce_" + UUID.randomUUID();
        String compact = (String) page.evaluate(
                "async nonce => (await import('/app/device-key.js')).signCompact(nonce)", nonce);
        assertThat(verifies(compact, publicJwk, nonce)).isTrue();
        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.')))))
                .isEqualTo(JSON.readTree("{\"alg\":\"ES256\"}"));
    }

    @Test
    void theAppIsToldWhereActivationAndTokenServiceAre() {
        given().get("/app/config.json").then().statusCode(200)
                .body("activationUrl", equalTo("http://localhost:8083"))
                .body("tokenUrl", equalTo("http://localhost:8084"));
    }

    @Test
    void theNewCodeButtonReplacesTheShortCode() {
        page.navigate(app.toString());
        page.fill("#nik", "3171015505990002");
        page.fill("#email", "warga.kode@example.id");
        page.fill("#phone", "081298765432");
        page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Citizens.image("png", 320, 320)));
        page.click("#register-button");
        page.waitForSelector("#counter-qr[data-rendered=true]");
        String first = page.textContent("#short-code");

        page.click("#new-code-button");

        PlaywrightAssertions.assertThat(page.locator("#short-code")).not().hasText(first);
        assertThat(page.textContent("#short-code")).matches("^[0-9A-Z-]{4,16}$").isNotEqualTo(first);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void afterActivationTheAppOpensACitizenSessionWithItsDeviceKeyAndKeepsTheIdentityQrFresh() throws Exception {
        String appPin = "583920";
        String nonce = "nonce-" + UUID.randomUUID();
        AtomicReference<String> registeredKey = new AtomicReference<>();
        AtomicBoolean signatureVerified = new AtomicBoolean();
        AtomicInteger pinProofs = new AtomicInteger();
        AtomicInteger qrTokens = new AtomicInteger();
        byte[] qrImage = Citizens.image("png", 300, 300);
        // activation-service and token-service as the browser sees them (their own tests cover them)
        context.route("http://localhost:8083/**", route -> {
            String url = route.request().url();
            Map<String, Object> body = readBody(route.request().postData());
            if (url.endsWith("/api/v1/citizen/session-challenges")) {
                respond(route, 200, Map.of("nonce", nonce, "expiresIn", 120), body.get("registrationId") != null);
            } else if (url.endsWith("/api/v1/citizen/sessions")) {
                signatureVerified.set(nonce.equals(body.get("nonce"))
                        && verifies((String) body.get("deviceSignature"), registeredKey.get(), nonce));
                respond(route, 200, Map.of("accessToken", "citizen-jwt", "tokenType", "Bearer", "expiresIn", 600),
                        signatureVerified.get() && appPin.equals(body.get("appPin")));
            } else {
                pinProofs.incrementAndGet();
                respond(route, 200, Map.of("pinProof", "proof-" + pinProofs.get(), "expiresIn", 60),
                        url.endsWith("/api/v1/citizen/pin-proofs") && appPin.equals(body.get("appPin"))
                                && "Bearer citizen-jwt".equals(route.request().headers().get("authorization")));
            }
        });
        java.util.List<Object> disclosures = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.route("http://localhost:8084/**", route -> {
            int number = qrTokens.incrementAndGet();
            Map<String, Object> body = readBody(route.request().postData());
            disclosures.add(body.get("disclosure"));
            respond(route, 201, Map.of("token", "qr-token-" + number, "expiresIn", 20,
                    "expiresAt", Instant.now().plusSeconds(20).toString(),
                    "qr", Map.of("pngBase64", Base64.getEncoder().encodeToString(qrImage))),
                    route.request().url().endsWith("/api/v1/qr-tokens") && ("proof-" + number).equals(body.get("pinProof"))
                            && "Bearer citizen-jwt".equals(route.request().headers().get("authorization")));
        });
        String nik = "3171014101950003";
        page.navigate(app.toString());
        page.fill("#nik", nik);
        page.fill("#email", "warga.aktif@example.id");
        page.fill("#phone", "081311112222");
        page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Citizens.image("png", 320, 320)));
        page.click("#register-button");
        page.waitForSelector("#counter-qr[data-rendered=true]");
        registeredKey.set((String) page.evaluate(
                "async () => { const keys = await import('/app/device-key.js'); return keys.publicJwk(await keys.deviceKey()); }"));
        UUID id = UUID.fromString((String) JSON.readValue(
                (String) page.evaluate("() => localStorage.getItem('ikd.app.registration')"), Map.class).get("registrationId"));

        Citizens.publish(bootstrap, approved(id));
        page.waitForSelector("#timeline li[data-kind=APPROVED]", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
        Citizens.publish(bootstrap, new IdentityActivated(UUID.randomUUID(), id, "sub-" + id, attributes(nik), "thumbprint",
                Instant.now(), "warga.aktif@example.id", "+6281311112222", "id", office()));
        page.waitForSelector("#pin-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
        assertThat(page.textContent("#timeline li[data-kind=ACTIVATED]")).contains("IKD aktif").contains("IKD activated");

        page.fill("#app-pin", appPin);
        page.click("#pin-button");

        page.waitForSelector("#qr-section");
        assertThat(signatureVerified).isTrue();
        assertThat(page.getAttribute("#identity-qr", "src"))
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(qrImage));
        assertThat(page.textContent("#qr-countdown")).contains("Berlaku").contains("valid for");
        assertThat(page.isVisible("#pin-section")).isFalse();
        // renewed before expiry with a fresh PIN proof, without asking for the PIN again
        page.waitForCondition(() -> qrTokens.get() >= 2, new Page.WaitForConditionOptions().setTimeout(LIVE.toMillis()));
        assertThat(pinProofs.get()).isGreaterThanOrEqualTo(2);
        assertThat(disclosures.get(0)).as("the default shows nothing personal").isEqualTo("minimal");
        // the citizen chooses what the QR shows: a new QR at once, minted with that choice
        int before = qrTokens.get();
        page.selectOption("#qr-disclosure", "standard");
        page.waitForCondition(() -> qrTokens.get() > before, new Page.WaitForConditionOptions().setTimeout(LIVE.toMillis()));
        assertThat(disclosures.get(before)).isEqualTo("standard");
        assertThat(page.isVisible("#qr-error")).isFalse();
        assertThat(consoleErrors).isEmpty();
    }

    private static Map<String, Object> readBody(String postData) {
        try {
            return postData == null ? Map.of() : JSON.readValue(postData, new TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    /** Answers like the real service would: the expected body, or a problem the page shows. */
    private static void respond(Route route, int status, Map<String, Object> body, boolean requestAsExpected) {
        Map<String, String> cors = Map.of("Access-Control-Allow-Origin", "*",
                "Access-Control-Allow-Headers", "Content-Type, Authorization, Accept, Accept-Language",
                "Access-Control-Allow-Methods", "POST");
        if ("OPTIONS".equals(route.request().method())) {
            route.fulfill(new Route.FulfillOptions().setStatus(204).setHeaders(cors));
            return;
        }
        try {
            String json = requestAsExpected ? JSON.writeValueAsString(body)
                    : "{\"code\":\"UNEXPECTED_REQUEST\",\"title\":\"Permintaan tidak sesuai\",\"status\":400}";
            route.fulfill(new Route.FulfillOptions().setStatus(requestAsExpected ? status : 400).setHeaders(cors)
                    .setContentType(requestAsExpected ? "application/json" : "application/problem+json").setBody(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean verifies(String compact, String publicJwk, String payload) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
            jws.setCompactSerialization(compact);
            jws.setKey(PublicJsonWebKey.Factory.newPublicJwk(publicJwk).getPublicKey());
            return jws.verifySignature() && payload.equals(jws.getPayload());
        } catch (org.jose4j.lang.JoseException e) {
            return false;
        }
    }

    private static VerificationDecided approved(UUID registrationId) {
        return new VerificationDecided(registrationId, UUID.randomUUID(), Decision.APPROVED, null, null, Channel.COUNTER,
                null, office(), "op-7d41c2e9", Instant.now(), "warga.app@example.id", "+6281234567890", "en", Citizens.deviceKey(),
                attributes(NIK));
    }

    private static VerifiedAttributes attributes(String nik) {
        return new VerifiedAttributes(nik, "SITI RAHAYU", "JAKARTA", LocalDate.of(2000, 12, 12), "PEREMPUAN",
                "JL. KEBON SIRIH NO. 12", "004/002", "GAMBIR", "31.71.01", "GAMBIR", "KOTA JAKARTA PUSAT",
                "DKI JAKARTA", "ISLAM", "BELUM KAWIN", "MAHASISWA", "WNI", "PRINTED", null);
    }

    private static OfficeContact office() {
        return new OfficeContact("3171-DISDUKCAPIL", "Suku Dinas Dukcapil Jakarta Pusat", "Jl. Tanah Abang I",
                "+62213841234", "dukcapil@jakarta.go.id", null, "https://dukcapil.jakarta.go.id");
    }
}
