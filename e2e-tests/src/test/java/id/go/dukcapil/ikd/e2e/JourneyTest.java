package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.Mailbox;

/**
 * The IKD journey end to end, across the five services running as separate processes: register,
 * verify at the counter, receive the PIN by email, activate in a real browser, open KTP Digital
 * with the app PIN, show the 90-second QR, and let a relying party verify it. Also the rejection,
 * the two-stage (central) approval, and re-activation on a new phone.
 *
 * <p>The class runs first: the approved citizen's second QR, never shown, ages while every other
 * class runs, and {@link QrLifetimeTest} checks that it died of age, instead of a test sleeping
 * 100 s.
 */
@Order(1)
class JourneyTest {

    /** Demo residents of the synthetic registry (verification-service OPERATIONS.md). */
    private static final String RIZKY_NIK = "1376020505880001"; // Payakumbuh: central approval
    private static final String WULANDARI_NIK = "3171016507800001"; // moved to Bandung: a warning, not a block

    private static Suite suite;
    private static Journey journey;

    /** Minted by the approved journey and never shown: {@link QrLifetimeTest} checks that it died of age. */
    private static volatile Journey.QrToken neverShown;

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        journey = new Journey(suite);
    }

    @Test
    void approvedCitizenActivatesAndARelyingPartyVerifiesTheQr() throws Exception {
        Device phone = Device.create();
        String email = Journey.uniqueEmail("bagus");
        Journey.Registration registration = journey.register(Journey.BAGUS_NIK, email, Journey.uniquePhone(), "id", phone);

        String operator = journey.operatorLogin("demo.operator");
        var scanned = journey.scan(operator, Map.of("qrPayload", registration.counterPayload()));
        assertThat(scanned.getString("registry.fullName")).isEqualTo("BAGUS WICAKSONO");
        journey.decide(operator, scanned.getString("caseId"),
                Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true));

        Journey.ActivationMail mail = journey.awaitActivationMail(email);
        activateInBrowser(mail);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "ACTIVATED".equals(journey.status(registration).getString("status")));

        Journey.CitizenSession session = journey.openSession(registration, phone, Journey.APP_PIN);
        Journey.QrToken qr = journey.mintQr(session, Journey.APP_PIN);
        neverShown = journey.mintQr(session, Journey.APP_PIN);
        assertThat(Journey.decodeQr(qr.pngBase64())).isEqualTo(qr.token());
        assertThat(Duration.between(Instant.now(), qr.expiresAt())).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(91));

        String relyingParty = journey.relyingPartyToken();
        var first = journey.verify(relyingParty, qr.token());
        assertThat(first.getBoolean("valid")).isTrue();
        assertThat(first.getString("attributes.fullName")).isEqualTo("BAGUS WICAKSONO");
        assertThat(first.getString("attributes.nikMasked")).isNotEqualTo(Journey.BAGUS_NIK).startsWith("317101");
        var again = journey.verify(relyingParty, qr.token());
        assertThat(again.getBoolean("valid")).isFalse();
        assertThat(again.getString("reason")).isEqualTo("REPLAYED");
    }

    /** The approved citizen's second QR, minted and never shown, when this class ran in this JVM. */
    static java.util.Optional<Journey.QrToken> neverShownQr() {
        return java.util.Optional.ofNullable(neverShown);
    }

    @Test
    void rejectionReachesTheAppTheInboxAndThePhone() throws Exception {
        Device phone = Device.create();
        String email = Journey.uniqueEmail("maria");
        String mobile = Journey.uniquePhone();
        Journey.Registration registration = journey.register(Journey.MARIA_NIK, email, mobile, "en", phone);

        String operator = journey.operatorLogin("demo.operator");
        var scanned = journey.scan(operator, Map.of("shortCode", registration.shortCode()));
        var liveUpdate = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                // the decision's own entry: the rejection email's NOTIFICATION_SENT (messageKind
                // VERIFICATION_REJECTED) may reach the app first, from another topic
                return journey.awaitLiveUpdate(registration, line -> line.contains("FACE_MISMATCH"), Duration.ofSeconds(90));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        journey.decide(operator, scanned.getString("caseId"), Map.of("decision", "REJECTED", "reasonCode",
                "FACE_MISMATCH", "channel", "VIDEO_CALL", "callReference", "VC-E2E-1", "ktpElChecked", true));

        assertThat(liveUpdate.get(90, java.util.concurrent.TimeUnit.SECONDS)).contains("\"status\":\"REJECTED\"");
        Mailbox.Mail mail = Mailbox.await(suite.imapPort(), email, m -> m.text().toLowerCase().contains("face"),
                Duration.ofSeconds(90));
        assertThat(mail.text()).doesNotContainPattern("PIN[^\\n]*\\d{6}");
        SmsOutbox.Sms sms = awaitSms(mobile);
        assertThat(sms.message()).isNotBlank();
    }

    @Test
    void centralOfficeNeedsTheCentralVerifierBeforeThePinIsSent() {
        Device phone = Device.create();
        String email = Journey.uniqueEmail("rizky");
        Journey.Registration registration = journey.register(RIZKY_NIK, email, Journey.uniquePhone(), "id", phone);

        String operator = journey.operatorLogin("payakumbuh.operator");
        var scanned = journey.scan(operator, Map.of("shortCode", registration.shortCode()));
        String caseId = scanned.getString("caseId");
        var submitted = journey.decide(operator, caseId,
                Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true));
        assertThat(submitted.getString("status")).isEqualTo("AWAITING_CENTRAL");
        Journey.sleep(Duration.ofSeconds(5));
        assertThat(Mailbox.read(suite.imapPort(), email)).noneMatch(m -> m.text().contains("PIN aktivasi:"));

        String central = journey.operatorLogin("pusat.verifikator");
        journey.review(central, caseId, Map.of("decision", "APPROVED"));
        assertThat(journey.awaitActivationMail(email).pin()).hasSize(6);
    }

    @Test
    void activationOnANewPhoneRevokesTheOldOne() throws Exception {
        Journey.Activated first = journey.approveAndActivate(CHROMIUM.browser(), WULANDARI_NIK, "wulan", "demo.operator");
        Journey.CitizenSession oldSession = journey.openSession(first.registration(), first.phone(), Journey.APP_PIN);

        Journey.Activated second = journey.approveAndActivate(CHROMIUM.browser(), WULANDARI_NIK, "wulan.baru",
                "demo.operator");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "REVOKED".equals(journey.status(first.registration()).getString("status")));

        // the old phone's identity is revoked: no new QR for it
        assertThat(io.restassured.RestAssured.given().auth().oauth2(oldSession.accessToken())
                .contentType(io.restassured.http.ContentType.JSON).body(Map.of("appPin", Journey.APP_PIN))
                .post(suite.url(id.go.dukcapil.ikd.local.suite.SuiteService.ACTIVATION) + "/api/v1/citizen/pin-proofs")
                .statusCode()).isIn(401, 403, 404, 409, 410);
        Journey.CitizenSession newSession = journey.openSession(second.registration(), second.phone(), Journey.APP_PIN);
        var valid = journey.verify(journey.relyingPartyToken(), journey.mintQr(newSession, Journey.APP_PIN).token());
        assertThat(valid.getBoolean("valid")).isTrue();
    }

    private void activateInBrowser(Journey.ActivationMail mail) {
        journey.activateOnTheWebPage(CHROMIUM.browser(), mail);
    }

    private SmsOutbox.Sms awaitSms(String phone) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            var found = suite.sms().messages().stream().filter(sms -> sms.to().equals(phone)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Journey.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("no SMS to " + phone);
    }
}
