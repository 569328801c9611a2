package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Mailbox;
import id.go.dukcapil.ikd.testing.Mailbox.Mail;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * notification-service's own recipient record: written from RegistrationSubmitted, replaced by a
 * newer ContactCorrected whatever order they are read in; activation-service's {@code .v2} events,
 * which carry no contact, go to it, a {@code .v1} still in flight to its own contact; a {@code .v2}
 * for a registration with no recipient is dead-lettered with its reason, never dropped.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class RecipientRecordTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PIN_SUBJECT = "PIN aktivasi Identitas Kependudukan Digital";

    @Inject
    Pool pool;

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    @Test
    void aV2CodeGoesToTheContactRecordedAtSubmission() {
        Citizen citizen = Citizen.speaking("id");
        TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));
        await().atMost(PATIENCE).until(() -> recipient(citizen.registrationId()) != null);
        assertThat(recipient(citizen.registrationId()).getString("email")).isEqualTo(citizen.email());
        assertThat(recipient(citizen.registrationId()).getString("phone")).isEqualTo(citizen.phone());

        String pin = TestEvents.randomPin();
        ActivationCodeIssuedV2 code = TestEvents.activationCodeV2(citizen,
                TestEvents.seal(pin, "http://localhost:8083/activate?t=v2-" + citizen.registrationId()));
        assertThat(EventJson.write(code)).doesNotContain(citizen.email()).doesNotContain(citizen.phone());
        TestEvents.publish(code);

        Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> m.subject().equals(PIN_SUBJECT), PATIENCE);
        assertThat(mail.text()).contains("PIN aktivasi: " + pin);
    }

    @Test
    void aCorrectionReadBeforeItsSubmissionIsNotOverwrittenByIt() {
        Citizen submitted = Citizen.speaking("id");
        Citizen corrected = new Citizen(submitted.registrationId(), "baru-" + submitted.email(), "+6281377770001", "en");
        Instant submittedAt = Instant.now().minus(Duration.ofHours(2));
        TestEvents.publish(new ContactCorrected(UUID.randomUUID(), submitted.registrationId(), corrected.email(),
                corrected.phone(), submitted.email(), submitted.phone(), "en", TestEvents.PROBOLINGGO,
                Instant.now().minus(Duration.ofHours(1))));
        await().atMost(PATIENCE).until(() -> recipient(submitted.registrationId()) != null);

        // the submission, read late (another topic), is older than the correction
        TestEvents.publish(new RegistrationSubmitted(submitted.registrationId(), "3513014101900001", submitted.email(),
                submitted.phone(), "id", "{\"kty\":\"EC\"}", "thumbprint", "K7M2-Q9XD", "ab".repeat(32), submittedAt,
                null));
        Mailbox.await(TestEvents.imapPort(), submitted.email(),
                m -> m.subject().equals("Pendaftaran IKD Anda telah diterima"), PATIENCE);

        Row row = recipient(submitted.registrationId());
        assertThat(row.getString("email")).isEqualTo(corrected.email());
        assertThat(row.getString("phone")).isEqualTo(corrected.phone());
        assertThat(row.getString("language")).isEqualTo("en");

        String pin = TestEvents.randomPin();
        TestEvents.publish(TestEvents.activationCodeV2(submitted, TestEvents.seal(pin, "http://localhost:8083/activate?t=c")));
        Mail mail = Mailbox.await(TestEvents.imapPort(), corrected.email(),
                m -> m.subject().equals("Activation PIN for your Digital Population Identity"), PATIENCE);
        assertThat(mail.text()).contains("Activation PIN: " + pin);
        assertThat(Mailbox.read(TestEvents.imapPort(), submitted.email()))
                .noneMatch(m -> m.text().contains(pin));
    }

    @Test
    void aV1StillInFlightGoesToItsOwnContact() {
        Citizen recorded = Citizen.speaking("id");
        TestEvents.publish(TestEvents.registrationSubmitted(recorded, "K7M2-Q9XD"));
        await().atMost(PATIENCE).until(() -> recipient(recorded.registrationId()) != null);
        Citizen carried = new Citizen(recorded.registrationId(), "v1-" + recorded.email(), recorded.phone(), "id");

        String pin = TestEvents.randomPin();
        TestEvents.publish(TestEvents.activationCode(carried, TestEvents.seal(pin, "http://localhost:8083/activate?t=v1")));

        Mail mail = Mailbox.await(TestEvents.imapPort(), carried.email(), m -> m.subject().equals(PIN_SUBJECT), PATIENCE);
        assertThat(mail.text()).contains(pin);
    }

    @Test
    void aV2CodeReadBeforeItsSubmissionWaitsForItAndIsSentWithoutADeadLetter() throws Exception {
        // topics are not ordered with each other: after a lag or a replay, the code can come first
        Citizen citizen = Citizen.speaking("id");
        String pin = TestEvents.randomPin();
        try (TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            TestEvents.publish(TestEvents.activationCodeV2(citizen, TestEvents.seal(pin, "http://localhost:8083/activate?t=late")));
            Thread.sleep(1_000); // the code is read and finds no recipient yet
            TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));

            Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> m.subject().equals(PIN_SUBJECT), PATIENCE);
            assertThat(mail.text()).contains("PIN aktivasi: " + pin);
            assertThat(deadLetters.collect(r -> citizen.registrationId().toString().equals(r.key()), Duration.ofSeconds(2)))
                    .as("waited for, not dead-lettered").isEmpty();
        }
    }

    @Test
    void aV2ForARegistrationWithNoRecipientIsDeadLetteredWithItsReasonAndCanBeReplayed() throws Exception {
        Citizen citizen = Citizen.speaking("id");
        String pin = TestEvents.randomPin();
        ActivationCodeIssuedV2 code = TestEvents.activationCodeV2(citizen,
                TestEvents.seal(pin, "http://localhost:8083/activate?t=unknown"));
        String eventId = "no-recipient-" + citizen.registrationId();
        try (TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            TestEvents.publish(code, eventId);

            ConsumerRecord<String, String> letter = deadLetters.await(
                    r -> citizen.registrationId().toString().equals(r.key()), PATIENCE);
            String reason = new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("RECIPIENT_UNKNOWN", citizen.registrationId().toString(),
                    "activation.code-issued.v2");
            assertThat(reason).doesNotContain(pin);
        }
        assertThat(Mailbox.read(TestEvents.imapPort(), citizen.email())).isEmpty();

        // once the contact is known (here: the submission is read), the replayed event is sent
        TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));
        await().atMost(PATIENCE).until(() -> recipient(citizen.registrationId()) != null);
        TestEvents.publish(code, eventId);
        Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> m.subject().equals(PIN_SUBJECT), PATIENCE);
        assertThat(mail.text()).contains(pin);
    }

    @Test
    void activationAndRevocationV2GoToTheRecordAndMarkItsLife() {
        Citizen citizen = Citizen.speaking("en");
        TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));
        await().atMost(PATIENCE).until(() -> recipient(citizen.registrationId()) != null);

        TestEvents.publish(TestEvents.activatedV2(citizen));
        Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> m.subject().equals("Your IKD is now active"), PATIENCE);
        assertThat(recipient(citizen.registrationId()).getValue("activated_at")).isNotNull();
        assertThat(recipient(citizen.registrationId()).getValue("ended_at")).isNull();

        TestEvents.publish(TestEvents.revokedV2(citizen, RevocationReason.REPLACED_BY_NEW_DEVICE));
        Mail alert = Mailbox.await(TestEvents.imapPort(), citizen.email(),
                m -> m.subject().startsWith("Security alert"), PATIENCE);
        assertThat(alert.text()).contains("activated on another device");
        assertThat(awaitSms(citizen.phone()).getBodyAsString()).contains("activated on another device");
        assertThat(recipient(citizen.registrationId()).getValue("ended_at")).isNotNull();
    }

    @Test
    void aV2RejectionGoesToTheRecordedContactOnceAndEndsTheRecord() {
        Citizen citizen = Citizen.speaking("en");
        TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));
        await().atMost(PATIENCE).until(() -> recipient(citizen.registrationId()) != null);

        VerificationDecidedV2 rejected = TestEvents.rejected(citizen, RejectionReason.FACE_MISMATCH,
                "Please come to the office.").withoutContact();
        assertThat(EventJson.write(rejected)).doesNotContain(citizen.email()).doesNotContain(citizen.phone());
        String eventId = "v2-rejection-" + citizen.registrationId();
        TestEvents.publish(rejected, eventId);
        TestEvents.publish(rejected, eventId); // redelivered: sent once

        Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(),
                m -> m.subject().equals("Your IKD verification could not be approved"), PATIENCE);
        assertThat(mail.text()).contains("Please come to the office.");
        assertThat(awaitSms(citizen.phone()).getBodyAsString()).contains("verification not approved");
        await().atMost(PATIENCE).until(() -> recipient(citizen.registrationId()).getValue("ended_at") != null);
        assertThat(Mailbox.read(TestEvents.imapPort(), citizen.email()))
                .filteredOn(m -> m.subject().equals("Your IKD verification could not be approved")).hasSize(1);
        assertThat(smsTo(citizen.phone())).hasSize(1);
    }

    @Test
    void aV2ApprovalNeedsNoRecipientAV2RejectionWithoutOneIsDeadLettered() throws Exception {
        Citizen citizen = Citizen.speaking("id");
        String approvalId = "v2-approval-" + citizen.registrationId();
        String rejectionId = "v2-unknown-" + citizen.registrationId();
        try (TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            // same key, same partition: the approval is handled before the rejection
            TestEvents.publish(TestEvents.approved(citizen).withoutContact(), approvalId);
            TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.DATA_MISMATCH, null).withoutContact(),
                    rejectionId);

            ConsumerRecord<String, String> letter = deadLetters.await(
                    r -> citizen.registrationId().toString().equals(r.key()), PATIENCE);
            assertThat(TopicProbe.header(letter, "ce_id")).isEqualTo(rejectionId);
            String reason = new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("RECIPIENT_UNKNOWN", citizen.registrationId().toString(),
                    "verification.decided.v2");
        }
        assertThat(Mailbox.read(TestEvents.imapPort(), citizen.email())).isEmpty();
    }

    @Test
    void aV3RejectionGoesToTheRecordedContactAndWithoutOneIsDeadLetteredAsV3() throws Exception {
        Citizen citizen = Citizen.speaking("id");
        Citizen unknown = Citizen.speaking("id");
        TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XF"));
        await().atMost(PATIENCE).until(() -> recipient(citizen.registrationId()) != null);

        VerificationDecidedV3 rejected = TestEvents.rejected(citizen, RejectionReason.FACE_MISMATCH,
                "Silakan datang ke kantor.").withoutContact().withoutCard();
        String unknownId = "v3-unknown-" + unknown.registrationId();
        try (TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            TestEvents.publish(rejected, "v3-rejection-" + citizen.registrationId());
            TestEvents.publish(TestEvents.rejected(unknown, RejectionReason.DATA_MISMATCH, null).withoutContact()
                    .withoutCard(), unknownId);

            Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(),
                    m -> m.subject().equals("Verifikasi IKD Anda belum dapat disetujui"), PATIENCE);
            assertThat(mail.text()).contains("Silakan datang ke kantor.");
            ConsumerRecord<String, String> letter = deadLetters.await(
                    r -> unknown.registrationId().toString().equals(r.key()), PATIENCE);
            assertThat(TopicProbe.header(letter, "ce_id")).isEqualTo(unknownId);
            assertThat(new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("RECIPIENT_UNKNOWN", "verification.decided.v3");
        }
        await().atMost(PATIENCE).until(() -> recipient(citizen.registrationId()).getValue("ended_at") != null);
        assertThat(Mailbox.read(TestEvents.imapPort(), unknown.email())).isEmpty();
    }

    @Test
    void theCitizensWithdrawalErasesTheRecipientAnExpiryStartsItsPeriod() {
        Citizen withdrawing = Citizen.speaking("id");
        Citizen expiring = Citizen.speaking("id");
        TestEvents.publish(TestEvents.registrationSubmitted(withdrawing, "K7M2-Q9XD"));
        TestEvents.publish(TestEvents.registrationSubmitted(expiring, "K7M2-Q9XE"));
        await().atMost(PATIENCE).until(() -> recipient(withdrawing.registrationId()) != null
                && recipient(expiring.registrationId()) != null);

        TestEvents.publish(new RegistrationWithdrawn(withdrawing.registrationId(), WithdrawalReason.CITIZEN_REQUEST,
                Instant.now()));
        TestEvents.publish(new RegistrationWithdrawn(expiring.registrationId(), WithdrawalReason.EXPIRED, Instant.now()));

        await().atMost(PATIENCE).until(() -> recipient(withdrawing.registrationId()) == null);
        await().atMost(PATIENCE).until(() -> recipient(expiring.registrationId()).getValue("ended_at") != null);
    }

    private Row recipient(UUID registrationId) {
        RowSet<Row> rows = pool.preparedQuery("select * from recipient where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private LoggedRequest awaitSms(String phone) {
        return await().atMost(PATIENCE).until(() -> smsTo(phone), requests -> !requests.isEmpty()).getFirst();
    }

    private List<LoggedRequest> smsTo(String phone) {
        return new WireMock("127.0.0.1", wireMockPort)
                .find(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}
