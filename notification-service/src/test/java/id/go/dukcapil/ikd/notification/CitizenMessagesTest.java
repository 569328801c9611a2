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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.notification.service.UndeliverableReports;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Mailbox;
import id.go.dukcapil.ikd.testing.Mailbox.Mail;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each journey event, published on the real broker as its producer would, reaches the citizen
 * as the right message in their language, read back over IMAP from the SMTP server and from the
 * SMS gateway's request log; every attempt shows up as NotificationStatus.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class CitizenMessagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void registrationIsAcknowledgedWithShortCodeRequirementsAndNationalContact(String language) {
        Citizen citizen = Citizen.speaking(language);
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            String eventId = TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));

            Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
            assertThat(mail.from()).isEqualTo("noreply@ikd.dukcapil.go.id");
            assertThat(mail.subject()).isEqualTo(language.equals("en") ? "Your IKD registration has been received"
                    : "Pendaftaran IKD Anda telah diterima");
            assertThat(mail.text()).contains("K7M2-Q9XD", "KTP-el", "1500537")
                    .contains(language.equals("en") ? "Bring your physical KTP-el" : "Bawa KTP-el fisik Anda");
            // the app does not renew the counter code by itself: the citizen taps "Kode baru" (app.js); its
            // validity is registration-service's setting, shown under the code, so the email names no number
            assertThat(mail.text()).contains(language.equals("en") ? "valid for a few minutes, as shown under it"
                    : "berlaku beberapa menit, seperti tertulis di bawah kodenya")
                    .doesNotContain("10 minutes").doesNotContain("10 menit")
                    .contains(language.equals("en") ? "\"New code\"" : "\"Kode baru\"")
                    .doesNotContain("renewed every").doesNotContain("diperbarui setiap");
            assertThat(mail.html()).contains("K7M2-Q9XD", "1500537", "<ol>");

            NotificationStatus status = awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.SENT);
            assertThat(status.sourceEventId()).isEqualTo(eventId);
            assertThat(status.kind()).isEqualTo("REGISTRATION_RECEIVED");
            assertThat(status.attempt()).isEqualTo(1);
            assertThat(status.recipientMasked()).isNotEqualTo(citizen.email()).endsWith("@example.id");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void rejectionGoesByEmailAndSmsWithReasonNextStepAndOfficeContact(String language) {
        Citizen citizen = Citizen.speaking(language);
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.KTP_EL_NOT_SHOWN, "Bawa <b>KTP-el</b>"));

            Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
            String reason = language.equals("en") ? "the physical KTP-el was not shown during verification"
                    : "KTP-el fisik tidak ditunjukkan saat verifikasi";
            assertThat(mail.text()).contains(reason, "0335-420829", "0813-7770-3600",
                    "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo", "Bawa <b>KTP-el</b>");
            assertThat(mail.html()).contains(reason, "Bawa &lt;b&gt;KTP-el&lt;/b&gt;").doesNotContain("<b>KTP-el</b>");

            LoggedRequest sms = awaitSms(citizen.phone());
            assertThat(sms.getHeader("Authorization")).isEqualTo("Bearer " + NotificationTestResource.SMS_TOKEN);
            // the SMS says it shorter, to fit one or two segments (SmsLengthTest)
            String smsReason = language.equals("en") ? "The physical KTP-el was not shown. Register again"
                    : "KTP-el fisik tidak ditunjukkan saat verifikasi. Daftar ulang";
            assertThat(sms.getBodyAsString()).contains(smsReason, "0335-420829").doesNotContain("\\n");

            awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.SENT);
            NotificationStatus smsStatus = awaitStatus(statuses, citizen, NotificationChannel.SMS, DeliveryStatus.SENT);
            assertThat(smsStatus.kind()).isEqualTo("VERIFICATION_REJECTED");
            assertThat(smsStatus.recipientMasked()).doesNotContain(citizen.phone().substring(5, 9));
        }
    }

    /** Tapin keeps Central Indonesia Time: the PIN's expiry is given in WITA, not in Jakarta's time. */
    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void theExpiryIsInTheOfficesTimeZone(String language) {
        Citizen citizen = Citizen.speaking(language);
        // a fixed instant years ahead: a PIN whose expiry has passed is not sent at all (this was 2026-12-05,
        // and the test failed from that afternoon on)
        Instant expiresAt = Instant.parse("2030-12-05T15:30:00Z");
        TestEvents.publish(TestEvents.approved(citizen));
        TestEvents.publish(TestEvents.activationCode(citizen, TestEvents.seal(TestEvents.randomPin(),
                "http://localhost:8083/activate?t=link-" + citizen.registrationId()), expiresAt, TestEvents.TAPIN));

        Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
        // 15.30 UTC is 23.30 in Rantau (UTC+8) and 22.30 in Jakarta
        assertThat(mail.text()).contains(language.equals("en") ? "5 December 2030, 23:30 WITA" : "5 Desember 2030, 23.30 WITA")
                .doesNotContain("WIB");
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void activationCodeEmailCarriesTheUnsealedPinAndLinkAndNoSms(String language) {
        Citizen citizen = Citizen.speaking(language);
        String pin = TestEvents.randomPin();
        String link = "http://localhost:8083/activate?t=link-" + citizen.registrationId();
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.approved(citizen));
            TestEvents.publish(TestEvents.activationCode(citizen, TestEvents.seal(pin, link)));

            Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
            assertThat(mail.subject()).isEqualTo(language.equals("en")
                    ? "Activation PIN for your Digital Population Identity"
                    : "PIN aktivasi Identitas Kependudukan Digital");
            assertThat(mail.text()).contains((language.equals("en") ? "Activation PIN: " : "PIN aktivasi: ") + pin)
                    .contains(link, "0335-420829", "WIB");
            assertThat(mail.html()).contains(pin, "href=\"" + link + "\"");
            // the activation page solves its proof-of-work captcha itself: nothing to enter but the PIN
            assertThat(mail.text()).doesNotContainIgnoringCase("captcha");
            assertThat(mail.html()).doesNotContainIgnoringCase("captcha");

            NotificationStatus status = awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.SENT);
            assertThat(status.kind()).isEqualTo("ACTIVATION_CODE");
            // approval alone sends nothing: the PIN email is the only message
            assertThat(statuses.collect(forCitizen(citizen), Duration.ofSeconds(2))).hasSize(1);
            assertThat(Mailbox.read(TestEvents.imapPort(), citizen.email())).hasSize(1);
            assertThat(smsTo(citizen.phone())).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void activationIsConfirmedWithNotYouContact(String language) {
        Citizen citizen = Citizen.speaking(language);
        TestEvents.publish(TestEvents.activated(citizen));

        Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
        assertThat(mail.subject()).isEqualTo(language.equals("en") ? "Your IKD is now active" : "IKD Anda telah aktif");
        assertThat(mail.text()).contains(language.equals("en") ? "Not you?" : "Bukan Anda", "0335-420829", "90");
        assertThat(mail.html()).contains("tel:0335-420829");
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void revocationIsASecurityAlertByEmailAndSms(String language) {
        Citizen citizen = Citizen.speaking(language);
        TestEvents.publish(TestEvents.revoked(citizen, RevocationReason.REPLACED_BY_NEW_DEVICE));

        Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
        String another = language.equals("en") ? "activated on another device" : "diaktifkan pada perangkat lain";
        assertThat(mail.subject()).startsWith(language.equals("en") ? "Security alert" : "Peringatan keamanan");
        assertThat(mail.text()).contains(another, "0335-420829");
        assertThat(awaitSms(citizen.phone()).getBodyAsString()).contains(another, "1500537");
    }

    @Test
    void aDuplicateEventSendsNothingTwice() {
        Citizen citizen = Citizen.speaking("id");
        String pin = TestEvents.randomPin();
        var event = TestEvents.activationCode(citizen, TestEvents.seal(pin, "http://localhost:8083/activate?t=dup"));
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(event, "dup-" + citizen.registrationId());
            awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.SENT);
            TestEvents.publish(event, "dup-" + citizen.registrationId());
            TestEvents.publish(event, "dup-" + citizen.registrationId());

            assertThat(statuses.collect(forCitizen(citizen), Duration.ofSeconds(4))).hasSize(1);
            List<Mail> inbox = Mailbox.read(TestEvents.imapPort(), citizen.email());
            assertThat(inbox).hasSize(1);
            assertThat(inbox.getFirst().text()).contains(pin);
        }
    }

    @Test
    void anInvalidNumberIsNotRetriedAndWithNoFallbackLeftItIsDeadLettered() throws Exception {
        Citizen citizen = new Citizen(java.util.UUID.randomUUID(), "warga-invalid-sms@example.id",
                NotificationTestResource.INVALID_PHONE, "id");
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION);
                TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            String eventId = TestEvents.publish(TestEvents.revoked(citizen, RevocationReason.OPERATOR));

            NotificationStatus failed = awaitStatus(statuses, citizen, NotificationChannel.SMS, DeliveryStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("SMS_400");
            assertThat(failed.attempt()).isEqualTo(1);
            awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.SENT);
            assertThat(statuses.collect(forCitizen(citizen), Duration.ofSeconds(3))).hasSize(2);
            assertThat(smsTo(NotificationTestResource.INVALID_PHONE)).hasSize(1);

            var letters = deadLetters.collect(TopicProbe.ofType(UndeliverableReports.TYPE)
                    .and(r -> citizen.registrationId().toString().equals(r.key())), Duration.ofSeconds(2));
            assertThat(letters).as("the SMS only: the email was sent").hasSize(1);
            var letter = new com.fasterxml.jackson.databind.ObjectMapper().readTree(letters.getFirst().value());
            assertThat(letter.path("notificationId").asText()).isEqualTo(failed.notificationId().toString());
            assertThat(letter.path("kind").asText()).isEqualTo("IDENTITY_REVOKED");
            assertThat(letter.path("channel").asText()).isEqualTo("SMS");
            assertThat(letter.path("reason").asText()).isEqualTo("SMS_400");
            assertThat(letter.path("attempts").asInt()).isEqualTo(1);
            assertThat(letter.path("sourceEventId").asText()).isEqualTo(eventId);
            assertThat(letter.path("sourceEventType").asText()).isEqualTo("id.go.dukcapil.ikd.identity.revoked.v1");
            assertThat(letter.path("recipientMasked").asText()).isEqualTo(failed.recipientMasked());
            assertThat(letters.getFirst().value()).doesNotContain(NotificationTestResource.INVALID_PHONE, citizen.email());
        }
    }

    @Test
    void theReportOfAMessageFromAV2EventNamesThatVersion() throws Exception {
        Citizen citizen = new Citizen(java.util.UUID.randomUUID(), "warga-invalid-sms-v2@example.id",
                NotificationTestResource.INVALID_PHONE, "id");
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION);
                TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            // the submission records the recipient the contact-free .v2 is sent to
            TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XE"));
            awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.SENT);
            String eventId = TestEvents.publish(TestEvents.revokedV2(citizen, RevocationReason.OPERATOR));

            NotificationStatus failed = awaitStatus(statuses, citizen, NotificationChannel.SMS, DeliveryStatus.FAILED);
            var letters = deadLetters.collect(TopicProbe.ofType(UndeliverableReports.TYPE)
                    .and(r -> citizen.registrationId().toString().equals(r.key())), Duration.ofSeconds(2));
            assertThat(letters).hasSize(1);
            var letter = new com.fasterxml.jackson.databind.ObjectMapper().readTree(letters.getFirst().value());
            assertThat(letter.path("notificationId").asText()).isEqualTo(failed.notificationId().toString());
            assertThat(letter.path("sourceEventId").asText()).isEqualTo(eventId);
            assertThat(letter.path("sourceEventType").asText()).isEqualTo("id.go.dukcapil.ikd.identity.revoked.v2");
            assertThat(letter.path("sourceTopic").asText()).isEqualTo(Topics.IDENTITY);
        }
    }

    @Test
    void anSmsGatewayHiccupIsRetriedOnceAndSentOnce() {
        Citizen citizen = new Citizen(java.util.UUID.randomUUID(), "warga-flaky-sms@example.id",
                NotificationTestResource.FLAKY_PHONE, "en");
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.NOT_RECORDED, null));

            NotificationStatus retrying = awaitStatus(statuses, citizen, NotificationChannel.SMS, DeliveryStatus.RETRYING);
            assertThat(retrying.reason()).isEqualTo("SMS_503");
            assertThat(retrying.attempt()).isEqualTo(1);
            NotificationStatus sent = awaitStatus(statuses, citizen, NotificationChannel.SMS, DeliveryStatus.SENT);
            assertThat(sent.attempt()).isEqualTo(2);
            assertThat(sent.notificationId()).isEqualTo(retrying.notificationId());
            assertThat(statuses.collect(forCitizen(citizen), Duration.ofSeconds(3)).stream()
                    .map(r -> EventJson.read(r.value(), NotificationStatus.class))
                    .filter(s -> s.channel() == NotificationChannel.SMS)).hasSize(2);
            assertThat(smsTo(NotificationTestResource.FLAKY_PHONE)).hasSize(2)
                    .allSatisfy(request -> assertThat(request.getBodyAsString())
                            .contains("KTP-el recording not done", sent.notificationId().toString()));
        }
    }

    @Test
    void anAddressWithLineBreaksIsRefusedAndThePinFallsBackToSms() {
        Citizen citizen = Citizen.speaking("en");
        String injected = "victim@example.id\r\nBcc: attacker@example.id";
        Citizen withInjection = new Citizen(citizen.registrationId(), injected, citizen.phone(), "en");
        String pin = TestEvents.randomPin();
        String link = "http://localhost:8083/activate?t=fallback";
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.activationCode(withInjection, TestEvents.seal(pin, link)));

            NotificationStatus refused = awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.FAILED);
            assertThat(refused.reason()).isEqualTo("INVALID_RECIPIENT");
            assertThat(refused.recipientMasked()).doesNotContain("\n", "attacker");
            assertThat(awaitSms(citizen.phone()).getBodyAsString()).contains(pin, link);
            NotificationStatus sms = awaitStatus(statuses, citizen, NotificationChannel.SMS, DeliveryStatus.SENT);
            assertThat(sms.kind()).isEqualTo("ACTIVATION_CODE");
            assertThat(Mailbox.read(TestEvents.imapPort(), "attacker@example.id")).isEmpty();
            assertThat(Mailbox.read(TestEvents.imapPort(), "victim@example.id")).isEmpty();
        }
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithoutBlockingTheCitizensNextEvent() throws Exception {
        Citizen citizen = Citizen.speaking("id");
        String key = citizen.registrationId().toString();
        String unreadable = "{\"registrationId\":\"" + key + "\", not json";
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        var sealedToAnotherKey = TestEvents.activationCode(citizen, TestEvents.sealWith(generator.generateKeyPair().getPublic(),
                "{\"pin\":\"111111\",\"activationUrl\":\"http://localhost:8083/activate?t=x\"}"));
        String pin = TestEvents.randomPin();
        try (TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            String type = "id.go.dukcapil.ikd.activation.code-issued.v1";
            TestEvents.publishRaw(Topics.ACTIVATION, key, unreadable, type, "poison-" + key);
            TestEvents.publish(sealedToAnotherKey);
            TestEvents.publish(TestEvents.activationCode(citizen, TestEvents.seal(pin, "http://localhost:8083/activate?t=ok")));

            Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
            assertThat(mail.text()).contains("PIN aktivasi: " + pin);
            deadLetters.await(r -> unreadable.equals(r.value()), PATIENCE);
            deadLetters.await(r -> r.value().contains(sealedToAnotherKey.activationId().toString()), PATIENCE);
            assertThat(Mailbox.read(TestEvents.imapPort(), citizen.email())).hasSize(1);
        }
    }

    @Test
    void theLogNeverShowsTheActivationLinkOrTheSealedSecrets() throws Exception {
        Citizen citizen = Citizen.speaking("en");
        String linkToken = "secret-link-" + java.util.UUID.randomUUID();
        String sealed = TestEvents.seal(TestEvents.randomPin(), "http://localhost:8083/activate?t=" + linkToken);
        TestEvents.publish(TestEvents.activationCode(citizen, sealed));
        Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> m.text().contains(linkToken), PATIENCE);

        // the test's own mail server (GreenMail) runs in this JVM and logs addresses: not ours
        String log = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class)))
                .stream().filter(line -> !line.contains("com.icegreen")).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(log).contains(citizen.registrationId().toString())
                .doesNotContain(linkToken, sealed.substring(sealed.length() / 2), citizen.email(), citizen.phone());
    }

    private NotificationStatus awaitStatus(TopicProbe statuses, Citizen citizen, NotificationChannel channel,
            DeliveryStatus status) {
        ConsumerRecord<String, String> record = statuses.await(forCitizen(citizen).and(r -> {
            NotificationStatus s = EventJson.read(r.value(), NotificationStatus.class);
            return s.channel() == channel && s.status() == status;
        }), PATIENCE);
        return EventJson.read(record.value(), NotificationStatus.class);
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> forCitizen(Citizen citizen) {
        return TopicProbe.ofType("id.go.dukcapil.ikd.notification.status.v1")
                .and(r -> citizen.registrationId().toString().equals(r.key()));
    }

    private LoggedRequest awaitSms(String phone) {
        return await().atMost(PATIENCE).until(() -> smsTo(phone), requests -> !requests.isEmpty()).getFirst();
    }

    private List<LoggedRequest> smsTo(String phone) {
        return new WireMock("127.0.0.1", wireMockPort)
                .find(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}
