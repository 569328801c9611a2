package id.go.dukcapil.ikd.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.testing.ContrastCheck;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The app's "Data saya" on a 360×640 phone in Chromium: the citizen sees what registration-service
 * holds, messages sent included, then withdraws, and nothing of the registration stays on the
 * server or in the browser.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class DataRightsBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @TestHTTPResource("/app")
    URL app;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    Pool pool;

    @Test
    void theCitizenSeesTheirDataThenWithdrawsAndTheServerKeepsNothing() throws Exception {
        try (BrowserContext context = CHROMIUM.browser().newContext(new Browser.NewContextOptions().setViewportSize(360, 640)
                // a phone set to another zone than its office's: the times must still be the office's
                .setTimezoneId("Asia/Jayapura"))) {
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            page.navigate(app.toString());
            page.waitForSelector("#register-section:not([hidden])");
            page.fill("#nik", Citizens.nik());
            page.fill("#email", "warga.data@example.id");
            page.fill("#phone", "0812 3456 7890");
            page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Citizens.image("png", 480, 640)));
            page.waitForSelector("#selfie-preview:not([hidden])");
            page.click("#register-button");
            page.waitForSelector("#counter-qr[data-rendered=true]");
            UUID id = UUID.fromString((String) JSON.readValue(
                    (String) page.evaluate("() => localStorage.getItem('ikd.app.registration')"), Map.class)
                    .get("registrationId"));
            Citizens.publish(bootstrap, new NotificationStatus(UUID.randomUUID(), id, UUID.randomUUID().toString(),
                    "REGISTRATION_RECEIVED", NotificationChannel.EMAIL, DeliveryStatus.SENT, null, 1, "w***@example.id",
                    Instant.now()));
            page.waitForSelector("#timeline li[data-kind=NOTIFICATION_SENT]");

            assertThat(page.isVisible("#withdraw-button")).isTrue();
            assertThat(page.isVisible("#deactivate-button")).as("no IKD yet, nothing to deactivate").isFalse();
            page.click("#data-button");
            page.waitForSelector("#data-result:not([hidden])");
            String shown = page.textContent("#data-registration");
            assertThat(shown).contains("warga.data@example.id", "+6281234567890", "Swafoto masih disimpan / Selfie still held",
                    "Pesan yang dikirim kepada Anda (1)", "w***@example.id");
            assertThat(shown).as("times in the office's local time (Bandung: WIB), not the phone's (WIT)")
                    .containsPattern("\\d{2}\\.\\d{2} WIB").doesNotContain("WIT");
            assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 on the data page").isEmpty();
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(360);

            page.click("#withdraw-button");
            page.waitForSelector("#data-done:not([hidden])");
            assertThat(page.textContent("#data-done")).contains("sudah dihapus dari server", "deleted from the server");
            assertThat(page.evaluate("() => localStorage.getItem('ikd.app.registration')")).isNull();
            assertThat(page.isVisible("#register-section")).isTrue();
            assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 after the withdrawal").isEmpty();

            assertThat(count("select count(*) from registration where id = $1", id)).isZero();
            assertThat(count("select count(*) from registration_event where registration_id = $1", id)).isZero();
        }
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }
}
