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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;

import id.go.dukcapil.ikd.events.CentralReviewChanged;
import id.go.dukcapil.ikd.events.CentralReviewState;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.testing.ContrastCheck;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;
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

    /** 128 random bits in base64url, as the app draws an Idempotency-Key. */
    private static final String REQUEST_KEY = "[A-Za-z0-9_-]{22}";

    private static final String NIK = "3171011212000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIVE = Duration.ofSeconds(30);

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @TestHTTPResource("/app")
    URL app;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

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
        page.waitForSelector("#register-section:not([hidden])");
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on the register form").isEmpty();
        assertThatTheContrastCheckFindsTheOldHeaderSubtitle();

        page.fill("#nik", NIK);
        page.fill("#email", "warga.app@example.id");
        page.fill("#phone", "0812 3456 7890");
        page.selectOption("#language", "en");
        page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Citizens.image("png", 480, 640)));
        page.waitForSelector("#selfie-preview:not([hidden])");
        try (TopicProbe registrationTopic = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            com.microsoft.playwright.Request registration = page.waitForRequest(
                    request -> request.url().endsWith("/api/v1/registrations") && "POST".equals(request.method()),
                    () -> page.click("#register-button"));
            assertThat(registration.headers().get("idempotency-key")).as("a key the gateway may send again with")
                    .matches(REQUEST_KEY);

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
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 with the counter code").isEmpty();

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

        // a central-approval office: the central verification step with its expected time, in local time
        Instant expected = Instant.now().plus(Duration.ofHours(8)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Citizens.publish(bootstrap, new CentralReviewChanged(UUID.fromString(id), UUID.randomUUID(),
                CentralReviewState.PENDING, expected, Instant.now()));
        page.waitForSelector("#timeline li[data-kind=CENTRAL_REVIEW_PENDING]",
                new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
        assertThat(page.textContent("#timeline li[data-kind=CENTRAL_REVIEW_PENDING]"))
                .contains("Menunggu verifikasi pusat").contains("Awaiting central verification")
                .contains("Perkiraan selesai / Expected by");
        assertThat(page.getAttribute("#timeline li[data-kind=CENTRAL_REVIEW_PENDING] p.expected time", "datetime"))
                .isEqualTo(expected.toString());

        Citizens.publish(bootstrap, approved(UUID.fromString(id)));

        page.waitForSelector("#timeline li[data-kind=APPROVED]",
                new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
        assertThat(page.textContent("#timeline li[data-kind=APPROVED]")).contains("Data Anda disetujui")
                .contains("Your data was approved").contains("loket / counter");
        page.waitForSelector("#counter-section", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.HIDDEN));
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on the timeline").isEmpty();
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

    /** A refusal from the server reads in Bahasa Indonesia first and English second, as every text. */
    @Test
    void aRefusedRegistrationIsExplainedInBothLanguages() {
        page.navigate(app.toString());
        page.waitForSelector("#register-section:not([hidden])");
        page.fill("#nik", "3171019999990001"); // 16 digits, but no such birth date: the server refuses it
        page.fill("#email", "warga.salah@example.id");
        page.fill("#phone", "0812 3456 7891");
        page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Citizens.image("png", 480, 640)));
        page.waitForSelector("#selfie-preview:not([hidden])");
        page.click("#register-button");
        page.waitForSelector("#register-error:not([hidden])");
        String error = page.textContent("#register-error");
        assertThat(error).as("Indonesian, then English").contains(" / ");
        assertThat(error.substring(0, error.indexOf(" / "))).doesNotContain("invalid").isNotBlank();
        assertThat(error.substring(error.indexOf(" / "))).containsIgnoringCase("NIK");
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
        AtomicBoolean revoked = new AtomicBoolean();
        java.util.List<String> sessionKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
        // activation-service and token-service as the browser sees them (their own tests cover them)
        context.route("http://localhost:8083/**", route -> {
            String url = route.request().url();
            Map<String, Object> body = readBody(route.request().postData());
            if (revoked.get() && !"OPTIONS".equals(route.request().method())
                    && !url.endsWith("/api/v1/citizen/session-challenges")) {
                // as activation-service answers once the identity is revoked: it does not say why
                route.fulfill(new Route.FulfillOptions().setStatus(401).setHeaders(Map.of("Access-Control-Allow-Origin", "*"))
                        .setContentType("application/problem+json").setBody("{\"code\":\"SESSION_REFUSED\","
                                + "\"title\":\"Sesi ditolak\",\"status\":401,\"detail\":\"Tantangan tidak berlaku "
                                + "atau tanda tangan perangkat salah.\"}"));
            } else if (url.endsWith("/api/v1/citizen/session-challenges")) {
                respond(route, 200, Map.of("nonce", nonce, "expiresIn", 120), body.get("registrationId") != null);
            } else if (url.endsWith("/api/v1/citizen/sessions") && "POST".equals(route.request().method())
                    && sessionKeys.isEmpty()) {
                // the replica died under the first try, as the gateway reports it: the app tries again
                sessionKeys.add(route.request().headers().get("idempotency-key"));
                route.fulfill(new Route.FulfillOptions().setStatus(502).setHeaders(Map.of("Access-Control-Allow-Origin", "*"))
                        .setContentType("application/problem+json").setBody("{\"code\":\"REPLICA_LOST\","
                                + "\"title\":\"Replika terputus\",\"status\":502}"));
            } else if (url.endsWith("/api/v1/citizen/sessions")) {
                if ("POST".equals(route.request().method())) {
                    sessionKeys.add(route.request().headers().get("idempotency-key"));
                }
                signatureVerified.set(nonce.equals(body.get("nonce"))
                        && verifies((String) body.get("deviceSignature"), registeredKey.get(), nonce));
                respond(route, 200, Map.of("accessToken", "citizen-jwt", "tokenType", "Bearer", "expiresIn", 600),
                        signatureVerified.get() && appPin.equals(body.get("appPin")));
            } else if (url.endsWith("/api/v1/citizen/card")) {
                respond(route, 200, KtpDigitalCardBrowserTest.card(),
                        "Bearer citizen-jwt".equals(route.request().headers().get("authorization")));
            } else if (url.endsWith("/api/v1/citizen/card/photo")) {
                route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("image/svg+xml")
                        .setHeaders(Map.of("Access-Control-Allow-Origin", "*"))
                        .setBodyBytes(KtpDigitalCardBrowserTest.PHOTO_SVG.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
        assertThat(page.textContent("#timeline li[data-kind=ACTIVATED]")).contains("IKD Anda aktif").contains("Your IKD is active");

        page.fill("#app-pin", appPin);
        page.click("#pin-button");

        // the KTP Digital card first; the QR one tap away
        page.waitForSelector("#card-section");
        page.click("#show-qr-button");
        page.waitForSelector("#qr-section");
        assertThat(signatureVerified).isTrue();
        assertThat(sessionKeys).as("the session lost with its replica was sent again with the same key, once")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(sessionKeys.get(1)).isEqualTo(sessionKeys.get(0)).matches(REQUEST_KEY);
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
        // the browser itself logs the 502 the app then tried again; nothing else
        assertThat(consoleErrors).allMatch(error -> error.contains("status of 502"));
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 with the IKD QR").isEmpty();

        // an officer revokes the IKD (a lost phone): the app says so in words, with the next step
        revoked.set(true);
        Citizens.publish(bootstrap, new IdentityRevoked(UUID.randomUUID(), id, "sub-" + id, RevocationReason.OPERATOR,
                null, Instant.now(), "warga.aktif@example.id", "+6281311112222", "id", office()));
        page.waitForSelector("#next-step-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
        assertThat(page.innerText("#next-step-section")).contains("IKD Anda sudah dicabut")
                .contains("Your IKD was revoked").contains("dinonaktifkan oleh petugas Dukcapil")
                .contains("daftar ulang");
        assertThat(page.isVisible("#qr-section")).isFalse();
        assertThat(page.isVisible("#register-again-button")).isTrue();
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 after a revocation").isEmpty();
        String secret = (String) JSON.readValue(
                (String) page.evaluate("() => localStorage.getItem('ikd.app.registration')"), Map.class)
                .get("registrationSecret");
        aSessionRefusedAfterTheRevocationSaysTheIkdWasRevoked(id, appPin, secret);
    }

    /** The check can fail: the header subtitle as it was (grey #5f6368 on the blue header, 1.30:1) is found. */
    private void assertThatTheContrastCheckFindsTheOldHeaderSubtitle() {
        page.evaluate("() => document.querySelector('h1 .en').style.color = '#5f6368'");
        assertThat(ContrastCheck.belowAa(page)).singleElement().satisfies(low -> {
            assertThat(low.element()).isEqualTo("span.en");
            assertThat(low.ratio()).isBetween(1.25, 1.35);
        });
        page.evaluate("() => document.querySelector('h1 .en').style.color = ''");
    }

    @Test
    void aRejectedCitizenReadsWhyInWordsAndWhatToDoNextWithAButtonToRegisterAgain() {
        page.navigate(app.toString());
        page.fill("#nik", "3171016606880004");
        page.fill("#email", "warga.tolak@example.id");
        page.fill("#phone", "081355556666");
        page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Citizens.image("png", 320, 320)));
        page.click("#register-button");
        page.waitForSelector("#counter-qr[data-rendered=true]");
        UUID id = registrationId();

        Citizens.publish(bootstrap, new VerificationDecided(id, UUID.randomUUID(), Decision.REJECTED,
                RejectionReason.KTP_EL_NOT_SHOWN, null, Channel.COUNTER, null, office(), "op-7d41c2e9", Instant.now(),
                "warga.tolak@example.id", "+6281355556666", "id", null, null));

        page.waitForSelector("#next-step-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
        String nextStep = page.innerText("#next-step-section");
        assertThat(nextStep).contains("Verifikasi belum disetujui").contains("Verification was not approved")
                .contains("KTP-el fisik tidak ditunjukkan").contains("physical KTP-el was not shown")
                .contains("Daftar ulang, lalu datang ke Suku Dinas Dukcapil Jakarta Pusat dengan membawa KTP-el fisik")
                .contains("go to Suku Dinas Dukcapil Jakarta Pusat and bring your physical KTP-el")
                .contains("Jl. Tanah Abang I");
        assertThat(page.getAttribute("#office-call", "href")).isEqualTo("tel:+62213841234");
        assertThat(page.innerText("body")).doesNotContain("KTP_EL_NOT_SHOWN").doesNotContain("REJECTED");
        assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 after a rejection").isEmpty();

        page.click("#register-again-button");
        page.waitForSelector("#register-section:not([hidden])");
        assertThat(page.evaluate("() => localStorage.getItem('ikd.app.registration')")).isNull();
        assertThat(consoleErrors).isEmpty();
    }

    private UUID registrationId() {
        try {
            return UUID.fromString((String) JSON.readValue(
                    (String) page.evaluate("() => localStorage.getItem('ikd.app.registration')"), Map.class)
                    .get("registrationId"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A second page of the same phone whose live stream (held back here) has not yet told it of the
     * revocation: the refused session is explained as a revoked IKD, from the registration's own status.
     */
    private void aSessionRefusedAfterTheRevocationSaysTheIkdWasRevoked(UUID id, String appPin, String secret)
            throws Exception {
        JsonNode report = JSON.readTree(given().header(Citizens.SECRET_HEADER, secret).get("/api/v1/registrations/" + id)
                .then().statusCode(200).body("status", equalTo("REVOKED")).extract().asString());
        StringBuilder frames = new StringBuilder();
        for (JsonNode entry : report.get("timeline")) {
            if (!"REVOKED".equals(entry.get("kind").asText())) {
                frames.append("event: registration\nid: ").append(entry.get("id").asText()).append("\ndata: ")
                        .append(JSON.writeValueAsString(Map.of("registrationId", id.toString(), "status",
                                entry.get("status").asText(), "entry", entry))).append("\n\n");
            }
        }
        try (Page second = context.newPage()) {
            second.route("**/api/v1/registrations/*/events", route -> route.fulfill(new Route.FulfillOptions()
                    .setStatus(200).setContentType("text/event-stream").setBody(frames.toString())));
            second.navigate(app.toString());
            second.waitForSelector("#pin-section", new Page.WaitForSelectorOptions().setTimeout(LIVE.toMillis()));
            second.fill("#app-pin", appPin);
            second.click("#pin-button");
            second.waitForSelector("#app-error:not([hidden])");
            assertThat(second.textContent("#app-error")).contains("IKD Anda sudah dicabut")
                    .contains("Your IKD was revoked").contains("dinonaktifkan oleh petugas Dukcapil");
            assertThat(second.innerText("body")).doesNotContain("tanda tangan perangkat");
        }
    }

    static Map<String, Object> readBody(String postData) {
        try {
            return postData == null ? Map.of() : JSON.readValue(postData, new TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    /** Answers like the real service would: the expected body, or a problem the page shows. */
    static void respond(Route route, int status, Map<String, Object> body, boolean requestAsExpected) {
        Map<String, String> cors = Map.of("Access-Control-Allow-Origin", "*",
                "Access-Control-Allow-Headers", "Content-Type, Authorization, Accept, Accept-Language, Idempotency-Key",
                "Access-Control-Allow-Methods", "POST");
        if ("OPTIONS".equals(route.request().method())) {
            route.fulfill(new Route.FulfillOptions().setStatus(204).setHeaders(cors));
            return;
        }
        if ("POST".equals(route.request().method())) {
            // every POST of the app carries its Idempotency-Key
            String key = route.request().headers().get("idempotency-key");
            requestAsExpected &= key != null && key.matches(REQUEST_KEY);
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

    static boolean verifies(String compact, String publicJwk, String payload) {
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

    static VerificationDecided approved(UUID registrationId) {
        return new VerificationDecided(registrationId, UUID.randomUUID(), Decision.APPROVED, null, null, Channel.COUNTER,
                null, office(), "op-7d41c2e9", Instant.now(), "warga.app@example.id", "+6281234567890", "en", Citizens.deviceKey(),
                attributes(NIK));
    }

    static VerifiedAttributes attributes(String nik) {
        return new VerifiedAttributes(nik, "SITI RAHAYU", "JAKARTA", LocalDate.of(2000, 12, 12), "PEREMPUAN",
                "JL. KEBON SIRIH NO. 12", "004/002", "GAMBIR", "31.71.01", "GAMBIR", "KOTA JAKARTA PUSAT",
                "DKI JAKARTA", "ISLAM", "BELUM KAWIN", "MAHASISWA", "WNI", "PRINTED", null);
    }

    static OfficeContact office() {
        return new OfficeContact("3171-DISDUKCAPIL", "Suku Dinas Dukcapil Jakarta Pusat", "Jl. Tanah Abang I",
                "+62213841234", "dukcapil@jakarta.go.id", null, "https://dukcapil.jakarta.go.id");
    }
}
