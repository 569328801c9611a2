package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.go.dukcapil.ikd.testing.HeadlessBrowser;

/**
 * A QR nobody showed dies of age after its 90 seconds, on the running suite's own clock. The QR is
 * the one {@link JourneyTest} (the first journey class) minted and never showed, so it aged while the other
 * journey classes and the hostile bursts ran; this class runs after them ({@link Suite#QR_AGED}).
 * Run on its own, it activates a citizen and mints one, and waits the whole lifetime.
 */
@Order(Suite.QR_AGED)
class QrLifetimeTest {

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @Test
    void aQrNobodyShowedDiesOfAgeAfterItsNinetySeconds() {
        Journey journey = new Journey(Suite.shared());
        Journey.QrToken neverShown = JourneyTest.neverShownQr().orElseGet(() -> {
            Journey.Activated citizen = journey.approveAndActivate(CHROMIUM.browser(), Journey.BAGUS_NIK, "bagus.qr",
                    "demo.operator");
            return journey.mintQr(journey.openSession(citizen.registration(), citizen.phone(), Journey.APP_PIN), Journey.APP_PIN);
        });
        String relyingParty = journey.relyingPartyToken();
        Journey.sleep(Duration.between(Instant.now(), neverShown.expiresAt()).plusSeconds(10));

        var expired = journey.verify(relyingParty, neverShown.token());
        assertThat(expired.getBoolean("valid")).isFalse();
        assertThat(expired.getString("reason")).isEqualTo("EXPIRED");
    }
}
