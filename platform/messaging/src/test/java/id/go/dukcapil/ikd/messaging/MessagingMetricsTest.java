package id.go.dukcapil.ikd.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The metrics the alerts read, on an application of its own (a profile of its own restarts it,
 * so no other test's messages came before): the consumers' counters exist at 0 from start-up,
 * and the outbox backlog reads 0 once the relay has published everything. Same database as
 * MessagingPlatformTest: Quarkus applies every test resource of the module to every test, so two
 * database names would fight over the datasource URL.
 */
@QuarkusTest
@TestProfile(MessagingMetricsTest.FreshStart.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_test"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingMetricsTest {

    /** Nothing changed but the profile's identity, which makes Quarkus start a fresh application. */
    public static class FreshStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.messaging.outbox.poll-interval", "500ms");
        }
    }

    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @Order(1)
    void theConsumersCountersExistAtZeroBeforeTheirFirstIncrement() {
        // before the fix they were registered by their first increment: absent here
        Counter deadLettered = registry.find("ikd.events.dead.lettered").tag("consumer", "effects").counter();
        Counter duplicates = registry.find("ikd.inbox.duplicates").tag("consumer", "effects").counter();
        assertThat(deadLettered).isNotNull();
        assertThat(duplicates).isNotNull();
        assertThat(deadLettered.count()).isZero();
        assertThat(duplicates.count()).isZero();
    }

    @Test
    @Order(2)
    void theOutboxBacklogReadsZeroOnceEverythingIsPublished() {
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            for (int i = 0; i < 3; i++) {
                String eventId = given().post("/test/withdrawals/" + UUID.randomUUID()).then().statusCode(200)
                        .extract().asString();
                probe.await(r -> eventId.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(30));
            }
        }
        Gauge pending = registry.find("ikd.outbox.pending").gauge();
        assertThat(pending).isNotNull();
        // counted inside the round (the defect), the rows the round had just marked still looked
        // unpublished and the idle relay kept that figure; counted after the commit it falls to 0
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pending.value()).isZero());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(pending.value()).isZero());
    }
}
