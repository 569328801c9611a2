package id.go.dukcapil.ikd.registration;

import static id.go.dukcapil.ikd.registration.CitizenAppBrowserTest.readBody;
import static id.go.dukcapil.ikd.registration.CitizenAppBrowserTest.respond;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;

import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.testing.ContrastCheck;
import id.go.dukcapil.ikd.testing.HeadlessChromium;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The KTP Digital card on a 360×640 phone in Chromium: after the app PIN, the card (registry photo,
 * name, masked NIK with tap to reveal, birth, address, issuing office, activation in the office's
 * zone, device) with the QR button on the first screen; the QR one tap away with its countdown;
 * and when the session ends, the card locks behind the PIN again. activation-service and
 * token-service answer as the browser sees them (their own tests cover them).
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class KtpDigitalCardBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIVE = Duration.ofSeconds(30);
    /** The stub's session: 15 s in the app after its 30 s margin, for the card's steps before it locks. */
    private static final int SESSION_SECONDS = 45;
    private static final String NIK = "3171014101950007";
    private static final String APP_PIN = "583920";
    static final String PHOTO_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"120\">"
            + "<rect width=\"90\" height=\"120\" fill=\"#8a5a44\"/><circle cx=\"45\" cy=\"48\" r=\"24\" fill=\"#e0b89a\"/></svg>";

    @TestHTTPResource("/app")
    URL app;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** The card as activation-service answers GET /api/v1/citizen/card (CitizenCardResource). */
    static Map<String, Object> card() {
        return Map.ofEntries(Map.entry("fullName", "SITI RAHAYU"), Map.entry("nik", NIK),
                Map.entry("nikMasked", "317101********07"), Map.entry("birthPlace", "JAKARTA"),
                Map.entry("birthDate", "2000-12-12"),
                Map.entry("birthDateText", Map.of("id", "12 Desember 2000", "en", "12 December 2000")),
                Map.entry("sex", "PEREMPUAN"), Map.entry("address", "JL. KEBON SIRIH NO. 12"), Map.entry("rtRw", "004/002"),
                Map.entry("villageName", "GAMBIR"), Map.entry("districtName", "GAMBIR"),
                Map.entry("regencyName", "KOTA JAKARTA PUSAT"), Map.entry("provinceName", "DKI JAKARTA"),
                Map.entry("issuingOffice", Map.of("code", "6305-DISDUKCAPIL", "name", "Disdukcapil Kabupaten Tapin",
                        "timeZone", "WITA")),
                Map.entry("activatedAt", "2026-12-03T06:05:00Z"),
                Map.entry("activatedAtLocal", Map.of("id", "3 Desember 2026, 14.05 WITA", "en", "3 December 2026, 14:05 WITA")),
                Map.entry("device", Map.of("keyThumbprint", "q1w2e3r4t5y6u7i8o9p0", "shortId", "q1w2e3r4")),
                Map.entry("photo", true));
    }

    @Test
    void afterTheAppPinTheCardFitsThePhoneTheQrIsOneTapAwayAndTheCardLocksWhenTheSessionEnds() throws Exception {
        AtomicInteger qrTokens = new AtomicInteger();
        List<String> cardAuthorizations = new CopyOnWriteArrayList<>();
        List<String> consoleErrors = new CopyOnWriteArrayList<>();
        byte[] qrImage = Citizens.image("png", 300, 300);
        try (Playwright playwright = Playwright.create(); Browser browser = HeadlessChromium.launch(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 640))) {
            context.route("http://localhost:8083/**", route -> activationService(route, cardAuthorizations));
            context.route("http://localhost:8084/**", route -> {
                int number = qrTokens.incrementAndGet();
                respond(route, 201, Map.of("token", "qr-token-" + number, "expiresIn", 90,
                        "expiresAt", Instant.now().plusSeconds(90).toString(),
                        "qr", Map.of("pngBase64", Base64.getEncoder().encodeToString(qrImage))),
                        route.request().url().endsWith("/api/v1/qr-tokens"));
            });
            Page page = context.newPage();
            page.onPageError(consoleErrors::add);
            page.navigate(app.toString());
            page.fill("#nik", NIK);
            page.fill("#email", "warga.kartu@example.id");
            page.fill("#phone", "081322223333");
            page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Citizens.image("png", 320, 320)));
            page.click("#register-button");
            page.waitForSelector("#counter-qr[data-rendered=true]");
            UUID id = UUID.fromString((String) JSON.readValue(
                    (String) page.evaluate("() => localStorage.getItem('ikd.app.registration')"), Map.class).get("registrationId"));
            Citizens.publish(bootstrap, CitizenAppBrowserTest.approved(id));
            Citizens.publish(bootstrap, new IdentityActivated(UUID.randomUUID(), id, "sub-" + id,
                    CitizenAppBrowserTest.attributes(NIK), "thumbprint", Instant.now(), "warga.kartu@example.id",
                    "+6281322223333", "id", CitizenAppBrowserTest.office()));
            page.waitForSelector("#pin-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));

            page.fill("#app-pin", APP_PIN);
            page.click("#pin-button");
            page.waitForSelector("#card-section");
            page.waitForSelector("#card-photo:not([hidden])");
            assertThat(cardAuthorizations).as("the card and its photo asked with the session").hasSize(2)
                    .allMatch("Bearer citizen-jwt"::equals);
            assertThat(page.textContent("#card-name")).isEqualTo("SITI RAHAYU");
            assertThat(page.textContent("#card-nik")).as("masked first").isEqualTo("317101********07");
            page.click("#card-nik");
            assertThat(page.textContent("#card-nik")).as("a tap reveals it").isEqualTo(NIK);
            page.click("#card-nik");
            assertThat(page.textContent("#card-nik")).as("another tap hides it").isEqualTo("317101********07");
            assertThat(page.textContent("#card-birth")).isEqualTo("JAKARTA, 12 Desember 2000 / JAKARTA, 12 December 2000");
            assertThat(page.textContent("#card-address")).contains("JL. KEBON SIRIH NO. 12").contains("RT/RW 004/002");
            assertThat(page.textContent("#card-office")).isEqualTo("Disdukcapil Kabupaten Tapin");
            assertThat(page.textContent("#card-activated")).isEqualTo("3 Desember 2026, 14.05 WITA / 3 December 2026, 14:05 WITA");
            assertThat(page.textContent("#card-device")).contains("Perangkat ini").contains("This device").contains("q1w2e3r4");
            assertThat(page.evaluate("document.getElementById('card-photo').naturalWidth")).as("the photo is drawn").isEqualTo(90);
            assertThat(page.getAttribute("#card-photo", "src")).startsWith("blob:");
            assertThat(page.isVisible("#qr-section")).as("the QR waits for a tap").isFalse();
            assertOnFirstScreen(page, "#show-qr-button");
            assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on the card").isEmpty();

            page.click("#show-qr-button");
            page.waitForSelector("#qr-section");
            assertThat(page.getAttribute("#identity-qr", "src")).startsWith("data:image/png;base64,");
            assertThat(page.textContent("#qr-countdown")).contains("Berlaku").contains("valid for");
            assertThat(page.isVisible("#card-section")).isFalse();
            assertOnFirstScreen(page, "#identity-qr");
            assertOnFirstScreen(page, "#qr-countdown");
            assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 with the QR").isEmpty();

            page.click("#back-to-card-button");
            page.waitForSelector("#card-section");
            assertThat(page.isVisible("#qr-section")).isFalse();

            // the session (SESSION_SECONDS, less the app's 30 s margin) ends: the card locks behind the app PIN
            page.waitForSelector("#pin-section", new Page.WaitForSelectorOptions().setTimeout(2 * LIVE.toMillis()));
            page.waitForSelector("#card-section", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            assertThat(page.textContent("#card-name")).as("nothing of the card stays in the page").isEmpty();
            assertThat(page.textContent("#card-nik")).isEmpty();
            assertThat(page.getAttribute("#card-photo", "src")).isNull();
            assertThat(page.isVisible("#qr-section")).isFalse();
            assertThat(consoleErrors).isEmpty();
        }
    }

    /** Wholly inside the 360×640 screen without scrolling. */
    private static void assertOnFirstScreen(Page page, String selector) {
        assertThat(page.evaluate("window.scrollY")).isEqualTo(0);
        BoundingBox box = page.locator(selector).boundingBox();
        assertThat(box).as(selector).isNotNull();
        assertThat(box.y + box.height).as(selector + " ends within the first 640 px").isLessThanOrEqualTo(640);
    }

    private static void activationService(Route route, List<String> cardAuthorizations) {
        String url = route.request().url();
        Map<String, Object> body = readBody(route.request().postData());
        String authorization = route.request().headers().get("authorization");
        if ("OPTIONS".equals(route.request().method())) {
            respond(route, 204, Map.of(), true);
        } else if (url.endsWith("/api/v1/citizen/session-challenges")) {
            respond(route, 200, Map.of("nonce", "nonce-card", "expiresIn", 120), body.get("registrationId") != null);
        } else if (url.endsWith("/api/v1/citizen/sessions")) {
            respond(route, 200, Map.of("accessToken", "citizen-jwt", "tokenType", "Bearer", "expiresIn",
                    SESSION_SECONDS), APP_PIN.equals(body.get("appPin")));
        } else if (url.endsWith("/api/v1/citizen/card")) {
            cardAuthorizations.add(authorization);
            respond(route, 200, card(), "Bearer citizen-jwt".equals(authorization));
        } else if (url.endsWith("/api/v1/citizen/card/photo")) {
            cardAuthorizations.add(authorization);
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("image/svg+xml")
                    .setHeaders(Map.of("Access-Control-Allow-Origin", "*"))
                    .setBodyBytes(PHOTO_SVG.getBytes(StandardCharsets.UTF_8)));
        } else {
            respond(route, 200, Map.of("pinProof", "proof", "expiresIn", 60),
                    url.endsWith("/api/v1/citizen/pin-proofs") && "Bearer citizen-jwt".equals(authorization));
        }
    }
}
