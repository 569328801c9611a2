package id.go.dukcapil.ikd.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import io.quarkus.test.junit.TestProfile;

/**
 * The metrics the alerts read, on an application apart from MessagingPlatformTest's (a test profile
 * restarts it, so none of that class's poison or duplicate events came before): the consumers'
 * counters exist at 0 from start-up, and the outbox backlog reads 0 once the relay has published
 * everything. It shares {@link OutboxWakeUpTest}'s profile, one application start fewer: the relay
 * there runs on commits only, which is also when the backlog is counted, and that test's one event
 * is consumed without a dead letter or a duplicate. Same database as MessagingPlatformTest: Quarkus
 * applies every test resource of the module to every test, so two database names would fight over
 * the datasource URL.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.NoPeriodicRound.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_test"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingMetricsTest {

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
