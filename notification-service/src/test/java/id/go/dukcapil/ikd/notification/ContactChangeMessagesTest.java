package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Mailbox;
import id.go.dukcapil.ikd.testing.Mailbox.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A contact corrected at the counter (ContactCorrected): the previous email and phone are warned
 * (CONTACT_CHANGED), the new ones confirmed (CONTACT_CONFIRMED), each once.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class ContactChangeMessagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    @Test
    void theOldContactIsWarnedAndTheNewOneConfirmed() {
        Citizen old = Citizen.speaking("id");
        Citizen fresh = Citizen.speaking("id");
        ContactCorrected corrected = new ContactCorrected(UUID.randomUUID(), old.registrationId(), fresh.email(),
                fresh.phone(), old.email(), old.phone(), "id", TestEvents.PROBOLINGGO, Instant.now());
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(corrected, eventId);
        TestEvents.publish(corrected, eventId); // redelivered: nothing twice

        Mail warning = Mailbox.await(TestEvents.imapPort(), old.email(), m -> true, PATIENCE);
        assertThat(warning.subject()).isEqualTo("Peringatan keamanan: kontak IKD Anda diubah");
        assertThat(warning.text()).contains("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo",
                "1500537", "(email)", "(nomor ponsel)").doesNotContain(fresh.email());
        Mail confirmation = Mailbox.await(TestEvents.imapPort(), fresh.email(), m -> true, PATIENCE);
        assertThat(confirmation.subject()).isEqualTo("Kontak IKD Anda telah diperbarui");
        assertThat(confirmation.text()).contains("PIN aktivasi yang baru").doesNotContain(old.email());

        LoggedRequest oldSms = awaitSms(old.phone());
        assertThat(oldSms.getBodyAsString()).contains("kontak IKD Anda diubah", "1500537");
        LoggedRequest newSms = awaitSms(fresh.phone());
        assertThat(newSms.getBodyAsString()).contains("kini tercatat");

        await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() -> {
            assertThat(smsTo(old.phone())).hasSize(1);
            assertThat(smsTo(fresh.phone())).hasSize(1);
        });
    }

    @Test
    void onlyTheChangedChannelIsTold() {
        Citizen old = Citizen.speaking("en");
        Citizen fresh = Citizen.speaking("en");
        TestEvents.publish(new ContactCorrected(UUID.randomUUID(), old.registrationId(), fresh.email(), old.phone(),
                old.email(), null, "en", TestEvents.TAPIN, Instant.now()));

        Mail warning = Mailbox.await(TestEvents.imapPort(), old.email(), m -> true, PATIENCE);
        assertThat(warning.subject()).isEqualTo("Security alert: your IKD contact was changed");
        assertThat(warning.text()).contains("(email)").doesNotContain("(mobile number)");
        assertThat(Mailbox.await(TestEvents.imapPort(), fresh.email(), m -> true, PATIENCE).subject())
                .isEqualTo("Your IKD contact has been updated");
        await().pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE)
                .untilAsserted(() -> assertThat(smsTo(old.phone())).isEmpty());
    }

    private LoggedRequest awaitSms(String phone) {
        return await().atMost(PATIENCE).until(() -> smsTo(phone), requests -> !requests.isEmpty()).getFirst();
    }

    private List<LoggedRequest> smsTo(String phone) {
        return new WireMock("127.0.0.1", wireMockPort)
                .find(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}
