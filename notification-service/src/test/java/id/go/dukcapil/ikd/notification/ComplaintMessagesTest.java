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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.ComplaintUpdated;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Mailbox;
import id.go.dukcapil.ikd.testing.Mailbox.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A complaint from filing to closure, as the citizen hears of it: the ticket number, each status
 * change and the answer, by email (read back over IMAP) and SMS (the gateway's request log), in
 * their language and the office's time zone, each event once however often it is delivered, in
 * either contract version (the {@code .v2} on the complaints' own topic).
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class ComplaintMessagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    /** Each language with one contract version: {@code .v1} on ikd.verification, {@code .v2} on ikd.verification.complaint. */
    @ParameterizedTest
    @CsvSource({ "id, v1", "en, v2" })
    void theCitizenHearsOfTheTicketEachStepAndTheAnswer(String language, String version) {
        Citizen citizen = Citizen.speaking(language);
        boolean en = language.equals("en");
        UUID complaintId = UUID.randomUUID();
        String ticket = "ADU-6305-DISDUKCAPIL-20261204-" + (1 + (complaintId.hashCode() & 0xffff));
        Instant due = Instant.parse("2026-12-11T08:00:00Z"); // 16:00 WITA

        String filedId = TestEvents.publish(event(version, complaintId, ticket, "RECEIVED", citizen, null, due));
        Mail received = awaitMail(citizen, en ? "Your complaint has been received" : "Aduan Anda telah diterima");
        assertThat(received.text()).contains(ticket, en ? "11 December 2026, 16:00 WITA" : "11 Desember 2026, 16.00 WITA", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin")
                .contains("http://localhost:8082/offices", "http://localhost:8082/pengaduan");
        assertThat(received.html()).contains(ticket, "href=\"http://localhost:8082/pengaduan\"");
        assertThat(awaitSms(citizen.phone(), ticket).getBodyAsString()).contains(ticket, "WITA");

        // delivered again (a producer's retry): still one message
        TestEvents.publish(event(version, complaintId, ticket, "RECEIVED", citizen, null, due), filedId);

        TestEvents.publish(event(version, complaintId, ticket, "MEDIATING", citizen, null, due));
        Mail moved = awaitMail(citizen, en ? "An update on your complaint" : "Perkembangan aduan Anda");
        assertThat(moved.text()).contains(ticket, en ? "in mediation" : "dalam mediasi");

        String answer = en ? "The counter now opens with two officers every working day."
                : "Loket IKD kini buka dengan dua petugas setiap hari kerja.";
        TestEvents.publish(event(version, complaintId, ticket, "CLOSED", citizen, answer, due));
        Mail answered = awaitMail(citizen, en ? "The answer to your complaint" : "Jawaban atas aduan Anda");
        assertThat(answered.text()).contains(ticket, answer, "WITA");
        await().atMost(PATIENCE).until(() -> smsTo(citizen.phone()).size() >= 3);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<Mail> all = Mailbox.read(TestEvents.imapPort(), citizen.email());
        assertThat(all).extracting(Mail::subject).hasSize(3).doesNotHaveDuplicates();
        assertThat(smsTo(citizen.phone())).hasSize(3);
    }

    private static IkdEvent event(String version, UUID id, String ticket, String status, Citizen citizen,
            String answer, Instant due) {
        ComplaintUpdated event = new ComplaintUpdated(id, ticket, status, TestEvents.TAPIN, citizen.language(),
                citizen.email(), citizen.phone(), answer, due, Instant.now());
        return version.equals("v2") ? event.onItsOwnTopic() : event;
    }

    private static Mail awaitMail(Citizen citizen, String subject) {
        return Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> subject.equals(m.subject()), PATIENCE);
    }

    private LoggedRequest awaitSms(String phone, String containing) {
        return await().atMost(PATIENCE).until(() -> smsTo(phone).stream()
                .filter(r -> r.getBodyAsString().contains(containing)).toList(), list -> !list.isEmpty()).getFirst();
    }

    private List<LoggedRequest> smsTo(String phone) {
        return new WireMock("127.0.0.1", wireMockPort)
                .find(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}
