package id.go.dukcapil.ikd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.Mailbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The steps of the IKD journey as its people take them, through the public APIs only: the
 * citizen's app, the operator, the citizen's mailbox and browser, the relying party.
 */
final class Journey {

    static final String DEMO_PASSWORD = "Demo-IKD-2026!";
    /** Demo residents of office 3171-DEMO (Jakarta Pusat, local approval) in the demo registry. */
    static final String BAGUS_NIK = "3171011212000001";
    static final String MARIA_NIK = "3171017004980001"; // a woman: day of birth + 40
    /** The app PIN the journeys' citizens choose. */
    static final String APP_PIN = "583920";
    private static final Pattern PIN = Pattern.compile("PIN aktivasi: (\\d{6})|Activation PIN: (\\d{6})");
    private static final Pattern LINK = Pattern.compile("(http://localhost:[0-9]+/activate\\?t=[A-Za-z0-9_-]+)");

    record Registration(String id, String secret, String shortCode, String counterPayload) {
    }

    record ActivationMail(String pin, String activationUrl) {
    }

    record CitizenSession(String accessToken, String subject) {
    }

    /** A citizen through SOP steps 1–5: registered, approved at the counter, activated on the web page. */
    record Activated(Registration registration, Device phone, String email, String mobile) {
    }

    record QrToken(String token, Instant expiresAt, String pngBase64) {
    }

    private final Suite suite;

    Journey(Suite suite) {
        this.suite = suite;
    }

    private String registration() {
        return suite.url(SuiteService.REGISTRATION);
    }

    private String verification() {
        return suite.url(SuiteService.VERIFICATION);
    }

    private String activation() {
        return suite.url(SuiteService.ACTIVATION);
    }

    private String token() {
        return suite.url(SuiteService.TOKEN);
    }

    // --- SOP step 2: the citizen registers in the app ---

    Registration register(String nik, String email, String phone, String language, Device device) {
        JsonPath body = given().multiPart("nik", nik).multiPart("email", email).multiPart("phone", phone)
                .multiPart("language", language).multiPart("deviceKey", device.publicJwk())
                .multiPart("selfie", "selfie.png", Selfie.png(), "image/png")
                .post(registration() + "/api/v1/registrations")
                .then().statusCode(202).extract().jsonPath();
        return new Registration(body.getString("registrationId"), body.getString("registrationSecret"),
                body.getString("counterCode.shortCode"), body.getString("counterCode.payload"));
    }

    JsonPath status(Registration registration) {
        return given().header("X-Registration-Secret", registration.secret())
                .get(registration() + "/api/v1/registrations/" + registration.id())
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits on the app's live stream (SSE) for a step matching {@code match}; returns its data line. */
    String awaitLiveUpdate(Registration registration, Predicate<String> match, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(registration() + "/api/v1/registrations/"
                + registration.id() + "/events")).header("X-Registration-Secret", registration.secret())
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:") && match.test(line)) {
                        return line;
                    }
                }
                throw new AssertionError("the live stream ended without a matching update");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return found.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } finally {
            found.cancel(true);
            response.body().close();
        }
    }

    // --- SOP steps 3 and 4: the operator verifies and decides ---

    String operatorLogin(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", DEMO_PASSWORD))
                .post(verification() + "/api/v1/operator/sessions")
                .then().statusCode(200).extract().path("accessToken");
    }

    /** Scans the citizen's code; the case appears as soon as RegistrationSubmitted has arrived. */
    JsonPath scan(String operatorToken, Map<String, String> code) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            io.restassured.response.Response response = given().auth().oauth2(operatorToken)
                    .contentType(ContentType.JSON).body(code).post(verification() + "/api/v1/operator/scans");
            if (response.statusCode() == 200) {
                return response.jsonPath();
            }
            if (response.statusCode() != 404 || Instant.now().isAfter(deadline)) {
                throw new AssertionError("scan failed: " + response.statusCode() + " " + response.asString());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    JsonPath decide(String operatorToken, String caseId, Map<String, Object> decision) {
        return given().auth().oauth2(operatorToken).contentType(ContentType.JSON).body(decision)
                .post(verification() + "/api/v1/operator/cases/" + caseId + "/decision")
                .then().statusCode(200).extract().jsonPath();
    }

    JsonPath review(String supervisorToken, String caseId, Map<String, Object> decision) {
        return given().auth().oauth2(supervisorToken).contentType(ContentType.JSON).body(decision)
                .post(verification() + "/api/v1/operator/cases/" + caseId + "/review")
                .then().statusCode(200).extract().jsonPath();
    }

    // --- SOP steps 4 and 5: the PIN email, and activation on the web page ---

    ActivationMail awaitActivationMail(String email) {
        Mailbox.Mail mail = Mailbox.await(suite.imapPort(), email, m -> PIN.matcher(m.text()).find(),
                Duration.ofSeconds(90));
        Matcher pin = PIN.matcher(mail.text());
        assertThat(pin.find()).isTrue();
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as("activation link in the mail").isTrue();
        return new ActivationMail(pin.group(1) != null ? pin.group(1) : pin.group(2), link.group(1));
    }

    /** SOP step 5 as the citizen does it: the link from the email, the captcha, the PIN. */
    void activateOnTheWebPage(com.microsoft.playwright.Browser browser, ActivationMail mail) {
        try (var context = browser.newContext(); var page = context.newPage()) {
            page.navigate(mail.activationUrl());
            page.waitForSelector("#captcha[data-solved=true]",
                    new com.microsoft.playwright.Page.WaitForSelectorOptions().setTimeout(60_000));
            page.fill("#pin", mail.pin());
            page.click("#activate-button");
            page.waitForSelector("#result-success",
                    new com.microsoft.playwright.Page.WaitForSelectorOptions().setTimeout(30_000));
        }
    }

    /**
     * SOP steps 1–5 for a new phone of {@code nik}: registered, scanned by short code and approved at
     * the counter by {@code operatorUsername}, the PIN email read, activated on the web page.
     */
    Activated approveAndActivate(com.microsoft.playwright.Browser browser, String nik, String name,
            String operatorUsername) {
        Device phone = Device.create();
        String email = uniqueEmail(name);
        String mobile = uniquePhone();
        Registration registration = register(nik, email, mobile, "id", phone);
        String operator = operatorLogin(operatorUsername);
        JsonPath scanned = scan(operator, Map.of("shortCode", registration.shortCode()));
        decide(operator, scanned.getString("caseId"),
                Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true));
        activateOnTheWebPage(browser, awaitActivationMail(email));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "ACTIVATED".equals(status(registration).getString("status")));
        return new Activated(registration, phone, email, mobile);
    }

    // --- SOP step 6: KTP Digital in the app, with the app PIN ---

    CitizenSession openSession(Registration registration, Device device, String appPin) {
        String nonce = given().contentType(ContentType.JSON).body(Map.of("registrationId", registration.id()))
                .post(activation() + "/api/v1/citizen/session-challenges")
                .then().statusCode(200).extract().path("nonce");
        JsonPath session = given().contentType(ContentType.JSON)
                .body(Map.of("nonce", nonce, "deviceSignature", device.sign(nonce), "appPin", appPin))
                .post(activation() + "/api/v1/citizen/sessions")
                .then().statusCode(200).extract().jsonPath();
        return new CitizenSession(session.getString("accessToken"), session.getString("subject"));
    }

    io.restassured.response.Response trySession(Registration registration, Device device, String appPin) {
        String nonce = given().contentType(ContentType.JSON).body(Map.of("registrationId", registration.id()))
                .post(activation() + "/api/v1/citizen/session-challenges").then().extract().path("nonce");
        return given().contentType(ContentType.JSON)
                .body(Map.of("nonce", nonce == null ? "none" : nonce, "deviceSignature",
                        device.sign(nonce == null ? "none" : nonce), "appPin", appPin))
                .post(activation() + "/api/v1/citizen/sessions");
    }

    // --- SOP step 7: the 90-second QR ---

    QrToken mintQr(CitizenSession session, String appPin) {
        JsonPath minted = mintAt(token(), session, appPin);
        return new QrToken(minted.getString("token"), Instant.parse(minted.getString("expiresAt")),
                minted.getString("qr.pngBase64"));
    }

    /** A fresh PIN proof (activation-service) and a mint with it at the token-service on {@code tokenServiceUrl}: the whole answer. */
    JsonPath mintAt(String tokenServiceUrl, CitizenSession session, String appPin) {
        String proof = given().auth().oauth2(session.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("appPin", appPin)).post(activation() + "/api/v1/citizen/pin-proofs")
                .then().statusCode(200).extract().path("pinProof");
        return given().auth().oauth2(session.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("pinProof", proof)).post(tokenServiceUrl + "/api/v1/qr-tokens")
                .then().statusCode(201).extract().jsonPath();
    }

    /** Reads the QR picture as a relying party's camera app would. */
    static String decodeQr(String pngBase64) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO
                .read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(pngBase64)));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    // --- the relying party ---

    // --- data rights: self-deactivation (a lost phone) ---

    /** In the app, after the app PIN: "Nonaktifkan IKD saya". */
    void deactivateWithTheAppPin(CitizenSession session, String appPin) {
        given().auth().oauth2(session.accessToken()).contentType(ContentType.JSON).body(Map.of("appPin", appPin))
                .post(activation() + "/api/v1/citizen/identity/revocation").then().statusCode(200);
    }

    /** From another device: NIK and the registered contacts; the answer is the same whether they match or not. */
    void askForADeactivationLink(String nik, String email, String phone) {
        given().contentType(ContentType.JSON).body(Map.of("nik", nik, "email", email, "phone", phone))
                .post(activation() + "/api/v1/citizen/deactivation-requests").then().statusCode(202);
    }

    /** The link in the deactivation email, as the citizen reads it in their mailbox. */
    String awaitDeactivationLink(String email) {
        Pattern link = Pattern.compile("(http://localhost:[0-9]+/deactivate\\?t=[A-Za-z0-9_-]+)");
        Mailbox.Mail mail = Mailbox.await(suite.imapPort(), email, m -> link.matcher(m.text()).find(),
                Duration.ofSeconds(90));
        Matcher found = link.matcher(mail.text());
        assertThat(found.find()).isTrue();
        return found.group(1);
    }

    /** The confirm button of the link's page, as the API the page calls. */
    void confirmDeactivation(String link) {
        given().contentType(ContentType.JSON).body(Map.of("token", link.substring(link.indexOf("?t=") + 3)))
                .post(activation() + "/api/v1/citizen/deactivation-requests/confirmation")
                .then().statusCode(200);
    }

    String relyingPartyToken() {
        return relyingPartyTokenAt(token());
    }

    String relyingPartyTokenAt(String tokenServiceUrl) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "demo-verifier")
                .formParam("client_secret", "demo-verifier-secret")
                .post(tokenServiceUrl + "/api/v1/relying-party/tokens")
                .then().statusCode(200).extract().path("access_token");
    }

    JsonPath verify(String relyingPartyToken, String qrToken) {
        return verifyAt(token(), relyingPartyToken, qrToken);
    }

    JsonPath verifyAt(String tokenServiceUrl, String relyingPartyToken, String qrToken) {
        return given().auth().oauth2(relyingPartyToken).contentType(ContentType.JSON)
                .body(Map.of("token", qrToken)).post(tokenServiceUrl + "/api/v1/verifications")
                .then().statusCode(200).extract().jsonPath();
    }

    static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.id";
    }

    static String uniquePhone() {
        return "+62812" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
