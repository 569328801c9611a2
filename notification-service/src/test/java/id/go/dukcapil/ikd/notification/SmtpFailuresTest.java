package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.FreePorts;
import id.go.dukcapil.ikd.testing.MailServer;
import id.go.dukcapil.ikd.testing.Mailbox;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What the citizen gets when the mail server is down, or refuses their address for good. */
@QuarkusTest
@TestProfile(DedicatedSmtpProfile.class)
class SmtpFailuresTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @ConfigProperty(name = DedicatedSmtpProfile.PORT_PROPERTY)
    int smtpPort;

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    private MailServer mailServer;
    private ScriptedSmtpServer rejectingServer;

    @AfterEach
    void stopMailServers() {
        if (mailServer != null) {
            mailServer.close();
        }
        if (rejectingServer != null) {
            rejectingServer.close();
        }
    }

    @Test
    void anSmtpOutageDelaysThePinEmailButNeitherLosesNorDoublesIt() {
        assertThat(FreePorts.isFree(smtpPort)).as("nothing listens on the SMTP port: the outage").isTrue();
        Citizen citizen = Citizen.speaking("id");
        String pin = TestEvents.randomPin();
        String link = "http://localhost:8083/activate?t=outage-" + citizen.registrationId();
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.activationCode(citizen, TestEvents.seal(pin, link)));

            NotificationStatus first = awaitStatus(statuses, citizen, DeliveryStatus.RETRYING, 1);
            assertThat(first.reason()).startsWith("SMTP_UNAVAILABLE");
            awaitStatus(statuses, citizen, DeliveryStatus.RETRYING, 2);

            mailServer = MailServer.start(smtpPort, FreePorts.next());

            NotificationStatus sent = awaitStatus(statuses, citizen, DeliveryStatus.SENT, 0);
            assertThat(sent.attempt()).isGreaterThanOrEqualTo(3);
            // several dispatcher rounds after the success: nothing more is sent
            List<ConsumerRecord<String, String>> all = statuses.collect(forCitizen(citizen), Duration.ofSeconds(3));
            assertThat(all.stream().map(SmtpFailuresTest::status).filter(s -> s.status() == DeliveryStatus.SENT)).hasSize(1);
            List<Mailbox.Mail> inbox = Mailbox.read(mailServer.imapPort(), citizen.email());
            assertThat(inbox).hasSize(1);
            assertThat(inbox.getFirst().text()).contains("PIN aktivasi: " + pin, link);
            assertThat(smsTo(citizen.phone())).as("a temporary outage is no reason for the SMS fallback").isEmpty();
        }
    }

    /**
     * The fault campaign's SMTP round once left 189 messages PENDING for good: a send on a
     * connection the mail server had taken and then stopped answering never ended, and the
     * dispatcher waited for it forever. Each send now has a deadline.
     */
    @Test
    void aMailServerThatStopsAnsweringDelaysThePinEmailButDoesNotStopTheDispatcher() throws InterruptedException {
        Citizen citizen = Citizen.speaking("id");
        String pin = TestEvents.randomPin();
        String link = "http://localhost:8083/activate?t=silent-" + citizen.registrationId();
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            // takes the message's content and keeps the connection open without a word, even after it stops listening
            try (ScriptedSmtpServer silent = ScriptedSmtpServer.acceptingSlowly(smtpPort, Duration.ofMinutes(10))) {
                TestEvents.publish(TestEvents.activationCode(citizen, TestEvents.seal(pin, link)));
                assertThat(silent.awaitMessageArriving(PATIENCE)).as("the PIN email reached the server").isTrue();

                NotificationStatus timedOut = awaitStatus(statuses, citizen, DeliveryStatus.RETRYING, 1);
                assertThat(timedOut.reason()).isEqualTo("SEND_TIMEOUT");
            }

            mailServer = MailServer.start(smtpPort, FreePorts.next());

            NotificationStatus sent = awaitStatus(statuses, citizen, DeliveryStatus.SENT, 0);
            assertThat(sent.attempt()).isGreaterThanOrEqualTo(2);
            List<Mailbox.Mail> inbox = Mailbox.read(mailServer.imapPort(), citizen.email());
            assertThat(inbox).singleElement().satisfies(mail -> assertThat(mail.text()).contains("PIN aktivasi: " + pin));
        }
    }

    @Test
    void aNewerCodeReplacesOneStillWaitingForSmtpSoOnlyTheValidPinArrives() {
        Citizen citizen = Citizen.speaking("en");
        String oldPin = "111111";
        String newPin = "222222";
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.activationCode(citizen, TestEvents.seal(oldPin, "http://localhost:8083/activate?t=old")));
            NotificationStatus waiting = awaitStatus(statuses, citizen, DeliveryStatus.RETRYING, 1);

            var resend = TestEvents.activationCode(citizen, TestEvents.seal(newPin, "http://localhost:8083/activate?t=new"));
            TestEvents.publish(new id.go.dukcapil.ikd.events.ActivationCodeIssued(resend.registrationId(), resend.activationId(),
                    resend.sealedSecrets(), resend.expiresAt(), 2, resend.email(), resend.phone(), resend.language(),
                    resend.office()));
            NotificationStatus superseded = status(statuses.await(forCitizen(citizen).and(r -> "SUPERSEDED".equals(status(r).reason())),
                    PATIENCE));
            assertThat(superseded.notificationId()).isEqualTo(waiting.notificationId());
            assertThat(superseded.status()).isEqualTo(DeliveryStatus.FAILED);

            mailServer = MailServer.start(smtpPort, FreePorts.next());
            NotificationStatus sent = awaitStatus(statuses, citizen, DeliveryStatus.SENT, 0);
            assertThat(sent.notificationId()).isNotEqualTo(waiting.notificationId());
            assertThat(statuses.collect(forCitizen(citizen), Duration.ofSeconds(3)).stream().map(SmtpFailuresTest::status)
                    .filter(s -> s.status() == DeliveryStatus.SENT)).hasSize(1);
            List<Mailbox.Mail> inbox = Mailbox.read(mailServer.imapPort(), citizen.email());
            assertThat(inbox).singleElement().satisfies(mail -> assertThat(mail.text())
                    .contains("Activation PIN: " + newPin).doesNotContain(oldPin));
            assertThat(smsTo(citizen.phone())).isEmpty();
        }
    }

    @Test
    void anUnknownMailboxIsNotRetriedAndThePinFallsBackToSms() {
        rejectingServer = ScriptedSmtpServer.start(smtpPort);
        Citizen citizen = Citizen.speaking("en");
        String pin = TestEvents.randomPin();
        String link = "http://localhost:8083/activate?t=unknown-mailbox-" + citizen.registrationId();
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION);
                TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            TestEvents.publish(TestEvents.activationCode(citizen, TestEvents.seal(pin, link)));

            NotificationStatus refused = awaitStatus(statuses, citizen, DeliveryStatus.FAILED, 0);
            assertThat(refused.channel()).isEqualTo(NotificationChannel.EMAIL);
            assertThat(refused.reason()).isEqualTo("SMTP_550");
            assertThat(refused.attempt()).isEqualTo(1);

            LoggedRequest sms = await().atMost(PATIENCE).until(() -> smsTo(citizen.phone()), found -> !found.isEmpty())
                    .getFirst();
            assertThat(sms.getBodyAsString()).contains("activation PIN " + pin, link);
            NotificationStatus smsSent = status(statuses.await(forCitizen(citizen).and(r -> status(r).channel() == NotificationChannel.SMS
                    && status(r).status() == DeliveryStatus.SENT), PATIENCE));
            assertThat(smsSent.kind()).isEqualTo("ACTIVATION_CODE");
            // several dispatcher rounds later: one email attempt, never retried
            assertThat(statuses.collect(forCitizen(citizen), Duration.ofSeconds(3)).stream().map(SmtpFailuresTest::status)
                    .filter(s -> s.channel() == NotificationChannel.EMAIL)).hasSize(1);
            assertThat(rejectingServer.rejectedRecipients()).isEqualTo(1);
            assertThat(deadLetters.collect(r -> citizen.registrationId().toString().equals(r.key()), Duration.ofSeconds(1)))
                    .as("a refused address whose SMS took over is no case for ops").isEmpty();
        }
    }

    /** The {@code n}-th status of that kind for the citizen's email (0: the first one, whatever its attempt). */
    private static NotificationStatus awaitStatus(TopicProbe statuses, Citizen citizen, DeliveryStatus status, int attempt) {
        return status(statuses.await(forCitizen(citizen).and(r -> status(r).channel() == NotificationChannel.EMAIL
                && status(r).status() == status && (attempt == 0 || status(r).attempt() == attempt)), PATIENCE));
    }

    private static NotificationStatus status(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value(), NotificationStatus.class);
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> forCitizen(Citizen citizen) {
        return TopicProbe.ofType("id.go.dukcapil.ikd.notification.status.v1")
                .and(r -> citizen.registrationId().toString().equals(r.key()));
    }

    private List<LoggedRequest> smsTo(String phone) {
        return new WireMock("127.0.0.1", wireMockPort)
                .find(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}
