package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Booking a video call in a real Chromium: the citizen of a WITA office (Tapin) sees the office's slots in
 * its local time, books one and reads the confirmation in WITA, moves it and cancels it; the office's
 * operator sees today's booking by slot in the video queue.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class VideoBookingBrowserTest {

    private static final String LOCAL_LABEL = "^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \\d{1,2} \\p{L}+ \\d{4} pukul \\d{2}\\.\\d{2} WITA$";

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromiumWithFakeMedia();

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void aCitizenBooksMovesAndCancelsASlotInTheOfficesLocalTime() {
        // an hour every day, two calls at once (hours no other test books in): 11:00-12:00 WITA, or 13:00-14:00
        // when the test runs during or just before 11-12, so that the first slot offered is still the hour's first
        LocalTime inTapin = LocalTime.now(ZoneId.of("Asia/Makassar"));
        int hour = inTapin.isAfter(LocalTime.of(10, 50)) && inTapin.isBefore(LocalTime.of(12, 0)) ? 13 : 11;
        VideoBookingTest.schedule(VideoBookingTest.TAPIN, 15, 2, hour + ":00", (hour + 1) + ":00");
        String code = VideoBookingTest.tapinCitizen();
        UUID registrationId = VideoBookingTest.registrationOf(code);
        List<String> labels = VideoBookingTest.slots(code, 2).then().statusCode(200).extract().jsonPath().getList("slots.localId");

        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page citizen = context.newPage();
            citizen.navigate(base + "panggilan-video#code=" + code);
            Locator slots = citizen.locator("#booking-slots button.slot:not([disabled])");
            slots.first().waitFor();
            assertThat(citizen.url()).as("the code leaves the address bar").doesNotContain("code=");
            assertThat(citizen.locator("#booking-slots h3").first().textContent()).isEqualTo(labels.get(0).split(" pukul ")[0]);
            assertThat(slots.first().textContent()).isEqualTo(hour + ".00 WITA");

            slots.first().click();
            Locator confirmed = citizen.locator("#booking-slot-id");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> confirmed.isVisible()
                    && !confirmed.textContent().isBlank());
            assertThat(confirmed.textContent()).matches(LOCAL_LABEL).isEqualTo(labels.get(0)).contains("pukul " + hour + ".00 WITA");
            assertThat(citizen.locator("#booking-slot-en").textContent()).endsWith(" at " + hour + ":00 WITA");
            assertThat(citizen.locator("#booking-slots-box").isVisible()).isFalse();

            // move to the second slot
            citizen.locator("#booking-change").click();
            citizen.locator("#booking-slots button.slot:not([disabled])").first().click();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> confirmed.textContent().equals(labels.get(1)));
            assertThat(confirmed.textContent()).contains("pukul " + hour + ".15 WITA");

            // cancel: the slots come back, nothing is booked
            citizen.locator("#booking-cancel").click();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !citizen.locator("#booking-confirmation").isVisible()
                    && citizen.locator("#booking-slots-box").isVisible());
            VideoBookingTest.slots(code, 1).then().body("booking", org.hamcrest.Matchers.nullValue());

            // booked again, then seen by Tapin's operator in today's list, in WITA
            slots.first().click();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> confirmed.isVisible());
            // now: today in WITA, and not yet past the no-show window the housekeeping looks at
            Instant today = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            pool.preparedQuery("update video_booking set slot_start = $2, slot_end = $3 where registration_id = $1 "
                    + "and status = 'BOOKED'").execute(Tuple.of(registrationId, today.atOffset(java.time.ZoneOffset.UTC),
                            today.plus(Duration.ofMinutes(15)).atOffset(java.time.ZoneOffset.UTC))).await().indefinitely();
            Page operator = signIn(context.browser().newContext(), "tapin.operator");
            operator.navigate(base + "portal/video-calls");
            String expected = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").format(today.atZone(ZoneId.of("Asia/Makassar")))
                    + " WITA";
            List<String> rows = new ArrayList<>(operator.locator("#video-bookings tbody tr").allTextContents());
            assertThat(rows).anySatisfy(row -> assertThat(row).contains(expected).contains("630504").contains("Dipesan"));
        }
    }

    private Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(base + "portal");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestSupport.DEMO_PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL("**/portal/queue");
        return page;
    }
}
