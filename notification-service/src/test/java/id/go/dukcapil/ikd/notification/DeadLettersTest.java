package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.notification.service.UndeliverableReports;
import id.go.dukcapil.ikd.testing.FreePorts;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.quarkus.test.junit.TestProfile;

/**
 * A message whose retries run out is FAILED and parked on the service's dead-letter topic, in
 * the same transaction, with what ops need to find and replay it and none of its secrets. Read
 * back from the real broker, as ops' consumer would.
 */
@QuarkusTest
@TestProfile(RetriesRunOutProfile.class)
class DeadLettersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = DedicatedSmtpProfile.PORT_PROPERTY)
    int smtpPort;

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    private ScriptedSmtpServer busyServer;

    @AfterEach
    void stopMailServer() {
        if (busyServer != null) {
            busyServer.close();
        }
    }

    @Test
    void aPinEmailWhoseSmtpServerStaysDownIsDeadLetteredWithoutItsSecretsAndTheSmsTakesOver() throws Exception {
        assertThat(FreePorts.isFree(smtpPort)).as("nothing listens on the SMTP port: the outage").isTrue();
        Citizen citizen = Citizen.speaking("id");
        String pin = TestEvents.randomPin();
        String linkToken = "dead-letter-link-" + citizen.registrationId();
        String sealed = TestEvents.seal(pin, "http://localhost:8083/activate?t=" + linkToken);
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION);
                TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            String eventId = TestEvents.publish(TestEvents.activationCode(citizen, sealed));

            NotificationStatus failed = awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.FAILED);
            assertThat(failed.reason()).startsWith("RETRIES_EXHAUSTED: SMTP_UNAVAILABLE: ");
            assertThat(failed.attempt()).isEqualTo(RetriesRunOutProfile.MAX_ATTEMPTS);
            NotificationStatus smsSent = awaitStatus(statuses, citizen, NotificationChannel.SMS, DeliveryStatus.SENT);

            ConsumerRecord<String, String> record = deadLetters.await(deadLetterOf(citizen), PATIENCE);
            assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/ikd/notification-service");
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
            JsonNode letter = JSON.readTree(record.value());
            assertThat(letter.path("notificationId").asText()).isEqualTo(failed.notificationId().toString());
            assertThat(letter.path("registrationId").asText()).isEqualTo(citizen.registrationId().toString());
            assertThat(letter.path("kind").asText()).isEqualTo("ACTIVATION_CODE");
            assertThat(letter.path("channel").asText()).isEqualTo("EMAIL");
            assertThat(letter.path("reason").asText()).isEqualTo(failed.reason());
            assertThat(letter.path("attempts").asInt()).isEqualTo(RetriesRunOutProfile.MAX_ATTEMPTS);
            assertThat(letter.path("sourceEventId").asText()).isEqualTo(eventId);
            assertThat(letter.path("sourceEventType").asText()).isEqualTo("id.go.dukcapil.ikd.activation.code-issued.v1");
            assertThat(letter.path("sourceTopic").asText()).isEqualTo(Topics.ACTIVATION);
            assertThat(letter.path("recipientMasked").asText()).isEqualTo(failed.recipientMasked()).endsWith("@example.id");
            assertThat(letter.path("fallbackNotificationId").asText()).as("the SMS that took over")
                    .isEqualTo(smsSent.notificationId().toString());
            assertThat(letter.path("expiresAt").isTextual()).isTrue();
            assertThat(letter.path("failedAt").isTextual()).isTrue();

            assertThat(everythingIn(record)).doesNotContain(pin, linkToken, citizen.email(), citizen.phone(),
                    sealed.substring(sealed.length() / 2), "sealedSecrets");
            // the SMS that took over did carry the PIN: the secret was there to leak
            assertThat(smsTo(citizen.phone())).singleElement()
                    .satisfies(sms -> assertThat(sms.getBodyAsString()).contains(pin));
            // several dispatcher rounds later: one dead letter, for the email only
            assertThat(deadLetters.collect(deadLetterOf(citizen), Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void aMessageWithoutFallbackWhoseSmtpServerKeepsAnswering451IsDeadLetteredAfterItsLastAttempt() throws Exception {
        busyServer = ScriptedSmtpServer.start(smtpPort, "451 4.3.0 try again later");
        Citizen citizen = Citizen.speaking("en");
        double undeliverableBefore = metric(UNDELIVERABLE);
        double poisonBefore = metric(POISON_EVENTS);
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION);
                TopicProbe deadLetters = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.deadLetter("notification-service"))) {
            String eventId = TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));

            NotificationStatus failed = awaitStatus(statuses, citizen, NotificationChannel.EMAIL, DeliveryStatus.FAILED);
            assertThat(failed.reason()).isEqualTo("RETRIES_EXHAUSTED: SMTP_451");
            List<NotificationStatus> retries = statuses.collect(forCitizen(citizen), Duration.ZERO).stream()
                    .map(DeadLettersTest::status).filter(s -> s.status() == DeliveryStatus.RETRYING).toList();
            assertThat(retries).extracting(NotificationStatus::attempt).containsExactly(1, 2);
            assertThat(busyServer.refusalsOf(citizen.email())).isEqualTo(RetriesRunOutProfile.MAX_ATTEMPTS);

            JsonNode letter = JSON.readTree(deadLetters.await(deadLetterOf(citizen), PATIENCE).value());
            assertThat(letter.path("notificationId").asText()).isEqualTo(failed.notificationId().toString());
            assertThat(letter.path("kind").asText()).isEqualTo("REGISTRATION_RECEIVED");
            assertThat(letter.path("reason").asText()).isEqualTo("RETRIES_EXHAUSTED: SMTP_451");
            assertThat(letter.path("attempts").asInt()).isEqualTo(RetriesRunOutProfile.MAX_ATTEMPTS);
            assertThat(letter.path("sourceEventId").asText()).isEqualTo(eventId);
            assertThat(letter.path("sourceEventType").asText()).isEqualTo("id.go.dukcapil.ikd.registration.submitted.v1");
            assertThat(letter.has("fallbackNotificationId")).as("nothing took over").isFalse();
            assertThat(letter.toString()).doesNotContain(citizen.email(), "K7M2-Q9XD");
            assertThat(smsTo(citizen.phone())).isEmpty();
            // an undelivered message is counted as such, not as a poison event (two alerts, two causes)
            assertThat(metric(UNDELIVERABLE)).isEqualTo(undeliverableBefore + 1);
            assertThat(metric(POISON_EVENTS)).isEqualTo(poisonBefore);
        }
    }

    private static final String UNDELIVERABLE = "ikd_notifications_undeliverable_total";
    private static final String POISON_EVENTS = "ikd_events_dead_lettered_total{consumer=\"notification-service\"";

    /** The value of the Prometheus sample whose line starts with {@code prefix}; 0 when there is none yet. */
    private static double metric(String prefix) {
        String exposition = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return exposition.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Predicate<ConsumerRecord<String, String>> deadLetterOf(Citizen citizen) {
        return TopicProbe.ofType(UndeliverableReports.TYPE).and(r -> citizen.registrationId().toString().equals(r.key()));
    }

    private static NotificationStatus awaitStatus(TopicProbe statuses, Citizen citizen, NotificationChannel channel,
            DeliveryStatus status) {
        return status(statuses.await(forCitizen(citizen).and(r -> status(r).channel() == channel
                && status(r).status() == status), PATIENCE));
    }

    private static Predicate<ConsumerRecord<String, String>> forCitizen(Citizen citizen) {
        return TopicProbe.ofType("id.go.dukcapil.ikd.notification.status.v1")
                .and(r -> citizen.registrationId().toString().equals(r.key()));
    }

    private static NotificationStatus status(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value(), NotificationStatus.class);
    }

    /** Key, headers and value: wherever a secret could ride along. */
    private static String everythingIn(ConsumerRecord<String, String> record) {
        StringBuilder all = new StringBuilder(record.key()).append('\n').append(record.value());
        for (Header header : record.headers()) {
            all.append('\n').append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    private List<LoggedRequest> smsTo(String phone) {
        return new WireMock("127.0.0.1", wireMockPort)
                .find(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}
