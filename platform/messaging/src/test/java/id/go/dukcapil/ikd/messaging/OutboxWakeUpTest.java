package id.go.dukcapil.ikd.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With the periodic relay round pushed an hour away, a committed event still reaches Kafka: the
 * commit notification (LISTEN/NOTIFY) wakes the relay.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.NoPeriodicRound.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_test"))
class OutboxWakeUpTest {

    /** The relay runs on commits only; {@link MessagingMetricsTest} runs in the same application. */
    public static class NoPeriodicRound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.messaging.outbox.poll-interval", "1h", "ikd.messaging.outbox.poll-delay", "1h");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void commitWakesTheRelay() {
        UUID registrationId = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            String eventId = given().post("/test/withdrawals/" + registrationId).then().statusCode(200)
                    .extract().asString();
            ConsumerRecord<String, String> record = probe.await(r -> eventId.equals(TopicProbe.header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertThat(record.key()).isEqualTo(registrationId.toString());
        }
    }
}
