package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.testing.HeadlessBrowser;

/**
 * The citizen deactivates their own IKD (UU PDP; a lost phone), and a relying party's check of a
 * QR minted before is answered REVOKED: once in the app after the app PIN, once from another
 * device through the confirmation link sent to the registered email and phone.
 */
class SelfDeactivationJourneyTest {

    private static Suite suite;
    private static Journey journey;

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        journey = new Journey(suite);
    }

    @Test
    void afterTheAppPinTheQrIsRefusedAsRevoked() {
        Journey.Activated citizen = journey.approveAndActivate(CHROMIUM.browser(), Journey.BAGUS_NIK, "bagus.pin", "demo.operator");
        Journey.CitizenSession session = journey.openSession(citizen.registration(), citizen.phone(), Journey.APP_PIN);
        Journey.QrToken shownBefore = journey.mintQr(session, Journey.APP_PIN);

        journey.deactivateWithTheAppPin(session, Journey.APP_PIN);

        assertRefusedAsRevoked(shownBefore.token());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "REVOKED".equals(journey.status(citizen.registration()).getString("status")));
    }

    @Test
    void fromANewDeviceTheEmailedLinkDeactivatesAndTheQrIsRefusedAsRevoked() {
        Journey.Activated citizen = journey.approveAndActivate(CHROMIUM.browser(), Journey.BAGUS_NIK, "bagus.hilang", "demo.operator");
        Journey.CitizenSession session = journey.openSession(citizen.registration(), citizen.phone(), Journey.APP_PIN);
        Journey.QrToken onTheLostPhone = journey.mintQr(session, Journey.APP_PIN);

        // the new device knows nothing but what the citizen types: NIK, email, mobile number (as 08…)
        journey.askForADeactivationLink(Journey.BAGUS_NIK, citizen.email(), "0" + citizen.mobile().substring(3));
        String link = journey.awaitDeactivationLink(citizen.email());
        try (var context = CHROMIUM.browser().newContext(); Page page = context.newPage()) {
            page.navigate(link);
            page.click("#deactivate-button");
            page.waitForSelector("#result-success", new Page.WaitForSelectorOptions().setTimeout(30_000));
            assertThat(page.textContent("#result-success")).contains("daftar ulang", "register again");
        }

        assertRefusedAsRevoked(onTheLostPhone.token());
    }

    private void assertRefusedAsRevoked(String qrToken) {
        String relyingParty = journey.relyingPartyToken();
        // token-service learns of the revocation from IdentityRevoked: a moment after the answer
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var answer = journey.verify(relyingParty, qrToken);
            assertThat(answer.getBoolean("valid")).isFalse();
            return "REVOKED".equals(answer.getString("reason"));
        });
    }
}
