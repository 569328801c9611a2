package id.go.dukcapil.ikd.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.testing.ConsumerGroupReport;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Infrastructure;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The messaging platform against a real Kafka broker and a real PostgreSQL: outbox, relay,
 * inbox, retries and the dead-letter topic.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_test"))
class MessagingPlatformTest {

    private static final String WITHDRAWN = EventType.REGISTRATION_WITHDRAWN.type();

    @Inject
    LedgerService ledger;
    @Inject
    OutboxRelay relay;
    @Inject
    Pool pool;
    @Inject
    Outbox outbox;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "ikd.messaging.consumer.max-retries")
    int maxRetries;
    @ConfigProperty(name = "quarkus.application.name")
    String group;

    @Test
    void committedEventIsPublishedWithKeyCloudEventsHeadersAndTraceContext() {
        UUID registrationId = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            String eventId = given().post("/test/withdrawals/" + registrationId).then().statusCode(200)
                    .extract().asString();

            ConsumerRecord<String, String> record = probe.await(r -> eventId.equals(TopicProbe.header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertThat(record.key()).isEqualTo(registrationId.toString());
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(WITHDRAWN);
            assertThat(TopicProbe.header(record, "ce_dataschema"))
                    .isEqualTo(EventType.of(RegistrationWithdrawn.class).dataSchema().toString());
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/ikd/messaging-test");
            assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
            assertThat(TopicProbe.header(record, "content-type")).startsWith("application/json");
            assertThat(TopicProbe.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            RegistrationWithdrawn event = EventJson.read(record.value(), RegistrationWithdrawn.class);
            assertThat(event.registrationId()).isEqualTo(registrationId);
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        UUID registrationId = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            assertThatThrownBy(() -> onVertx(() -> ledger.withdraw(registrationId, true)))
                    .hasMessageContaining("rule broken");
            UUID control = onVertx(() -> ledger.withdraw(UUID.randomUUID(), false));
            probe.await(r -> control.toString().equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(probe.collect(r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(count("select count(*) from test_ledger where registration_id = '" + registrationId + "'"))
                .isZero();
    }

    @Test
    void anEventAppendedOnAVertxSqlConnectionIsPublishedOnlyWhenItsTransactionCommits() {
        UUID committedId = UUID.randomUUID();
        UUID rolledBackId = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            UUID eventId = pool.withTransaction(connection -> outbox.appendAll(connection, traced(withdrawn(committedId))))
                    .map(ids -> ids.get(0)).await().atMost(Duration.ofSeconds(10));
            assertThatThrownBy(() -> pool.withTransaction(connection -> outbox.appendAll(connection, traced(withdrawn(rolledBackId)))
                    .invoke(() -> {
                        throw new IllegalStateException("rule broken after the event was written");
                    })).await().atMost(Duration.ofSeconds(10))).hasMessageContaining("rule broken");

            ConsumerRecord<String, String> record = probe.await(r -> eventId.toString().equals(TopicProbe.header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertThat(record.key()).isEqualTo(committedId.toString());
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(WITHDRAWN);
            assertThat(EventJson.read(record.value(), RegistrationWithdrawn.class).registrationId()).isEqualTo(committedId);
            assertThat(probe.collect(r -> rolledBackId.toString().equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        }
    }

    private static List<Outbox.TracedEvent> traced(IkdEvent event) {
        return List.of(new Outbox.TracedEvent(event, null));
    }

    private static RegistrationWithdrawn withdrawn(UUID registrationId) {
        return new RegistrationWithdrawn(registrationId, WithdrawalReason.CITIZEN_REQUEST, Instant.now());
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedOnceItIsBackInOrder() {
        UUID registrationId = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();
        Infrastructure.stopEmbeddedKafka();
        try {
            for (int i = 0; i < 3; i++) {
                eventIds.add(onVertx(() -> ledger.withdraw(registrationId, false)));
            }
            // the state change committed although the broker is down; its events wait in the outbox
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                    .until(() -> onVertx(relay::pendingEventIds).containsAll(eventIds));
        } finally {
            Infrastructure.startEmbeddedKafka();
        }
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrap, Topics.REGISTRATION)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !onVertx(relay::pendingEventIds).stream()
                    .anyMatch(eventIds::contains));
            List<ConsumerRecord<String, String>> published = probe.collect(
                    r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(3));
            assertThat(published).extracting(r -> TopicProbe.header(r, "ce_id"))
                    .containsExactlyElementsOf(eventIds.stream().map(UUID::toString).toList());
        }
        // and the service's consumer reads again: the outage did not end its subscription
        awaitEffect(sendMarker(), Duration.ofSeconds(60));
    }

    @Test
    void concurrentRelaysNeverPublishAnEventTwice() {
        UUID registrationId = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            for (int i = 0; i < 60; i++) {
                eventIds.add(onVertx(() -> ledger.withdraw(registrationId, false)));
            }
            // four more relays besides the scheduled one, as on five replicas
            List<Uni<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(relay.publishPending());
            }
            Uni.join().all(rounds).andFailFast().await().atMost(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> !onVertx(relay::pendingEventIds).stream()
                    .anyMatch(eventIds::contains));

            List<ConsumerRecord<String, String>> published = probe.collect(
                    r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(3));
            assertThat(published).extracting(r -> TopicProbe.header(r, "ce_id"))
                    .containsExactlyElementsOf(eventIds.stream().map(UUID::toString).toList());
        }
    }

    @Test
    void duplicateDeliveryHasOneEffect() {
        UUID registrationId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String payload = EventJson.write(new RegistrationWithdrawn(registrationId, WithdrawalReason.EXPIRED, Instant.now()));
        for (int i = 0; i < 3; i++) {
            TopicProbe.publish(bootstrap, Topics.REGISTRATION, registrationId.toString(), payload,
                    cloudEventHeaders(eventId, WITHDRAWN));
        }
        awaitEffect(sendMarker(), Duration.ofSeconds(30));
        assertThat(effects(registrationId)).isEqualTo(1);
    }

    @Test
    void flakyHandlerIsRetriedWithBackoffAndSucceedsOnce() {
        UUID registrationId = UUID.randomUUID();
        double retriedBefore = retried(ConsumerMeters.RetryCause.FAILURE);
        EffectConsumer.FAILURES_LEFT.put(registrationId, new AtomicInteger(2));
        onVertx(() -> ledger.withdraw(registrationId, false));
        awaitEffect(registrationId, Duration.ofSeconds(30));
        assertThat(EffectConsumer.FAILURES_LEFT.get(registrationId).get()).isNegative();
        // ikd_events_retried_total{cause="failure"} counts each retry in place
        assertThat(retried(ConsumerMeters.RetryCause.FAILURE) - retriedBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void poisonAndFailingEventsGoToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String deadLetters = Topics.deadLetter("messaging-test");
        UUID poisonKey = UUID.randomUUID();
        UUID brokenId = UUID.randomUUID();
        EffectConsumer.BROKEN.add(brokenId);
        try (TopicProbe dlq = TopicProbe.fromNow(bootstrap, deadLetters)) {
            // unreadable data: no retries, straight to the dead-letter topic
            TopicProbe.publish(bootstrap, Topics.REGISTRATION, poisonKey.toString(), "{not json",
                    cloudEventHeaders(UUID.randomUUID().toString(), WITHDRAWN));
            // a handler that fails every time: retried, then dead-lettered
            onVertx(() -> ledger.withdraw(brokenId, false));
            // the partition goes on
            awaitEffect(sendMarker(), Duration.ofSeconds(30));

            ConsumerRecord<String, String> poison = dlq.await(r -> poisonKey.toString().equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(poison.value()).isEqualTo("{not json");
            assertThat(TopicProbe.header(poison, "dead-letter-reason")).isNotBlank();
            assertThat(TopicProbe.header(poison, "dead-letter-topic")).isEqualTo(Topics.REGISTRATION);

            ConsumerRecord<String, String> broken = dlq.await(r -> brokenId.toString().equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(TopicProbe.header(broken, "dead-letter-reason")).contains("cannot handle");
            assertThat(effects(brokenId)).isZero();
        }
    }

    @Test
    void eventsWaitOutADatabaseOutageAndAreNotDeadLettered() throws Exception {
        UUID registrationId = UUID.randomUUID();
        String payload = EventJson.write(new RegistrationWithdrawn(registrationId, WithdrawalReason.EXPIRED, Instant.now()));
        try (TopicProbe dlq = TopicProbe.fromNow(bootstrap, Topics.deadLetter("messaging-test"))) {
            databaseAcceptsConnections(false);
            try {
                double retriedBefore = retried(ConsumerMeters.RetryCause.INFRASTRUCTURE);
                TopicProbe.publish(bootstrap, Topics.REGISTRATION, registrationId.toString(), payload,
                        cloudEventHeaders(UUID.randomUUID().toString(), WITHDRAWN));
                // the event was tried during the outage more often than an ordinary failure may be
                // (max-retries, then the dead-letter topic), and waits on
                await().atMost(Duration.ofSeconds(30)).until(
                        () -> retried(ConsumerMeters.RetryCause.INFRASTRUCTURE) - retriedBefore > maxRetries + 1);
            } finally {
                databaseAcceptsConnections(true);
            }
            awaitEffect(registrationId, Duration.ofSeconds(60));
            assertThat(dlq.collect(r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aRequestDuringADatabaseOutageIsAnswered503WithRetryAfterNot500() throws Exception {
        databaseAcceptsConnections(false);
        try {
            io.restassured.RestAssured.given().post("/test/withdrawals/" + UUID.randomUUID()).then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("code", org.hamcrest.Matchers.equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            databaseAcceptsConnections(true);
        }
        UUID afterwards = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given()
                .post("/test/withdrawals/" + afterwards).statusCode() == 200);
    }

    /** How often the test's consumer retried an event in place for {@code cause}, so far. */
    private double retried(ConsumerMeters.RetryCause cause) {
        return ConsumerMeters.retried(meters, "effects", cause).count();
    }

    /** An outage as the service sees it: new connections refused, open ones cut. */
    private static void databaseAcceptsConnections(boolean accept) throws Exception {
        Infrastructure infra = Infrastructure.shared();
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(infra.jdbcUrl("postgres"),
                infra.postgresUser(), infra.postgresPassword()); var sql = admin.createStatement()) {
            sql.execute("alter database messaging_test allow_connections " + accept);
            if (!accept) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'messaging_test'");
            }
        }
    }

    private UUID sendMarker() {
        UUID marker = UUID.randomUUID();
        onVertx(() -> ledger.withdraw(marker, false));
        return marker;
    }

    /** Waits for the consumer's effect of one event; a failure says what the broker knows of the group. */
    private void awaitEffect(UUID registrationId, Duration within) {
        try {
            await().atMost(within).until(() -> effects(registrationId) == 1);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the event of " + registrationId + " had no effect within " + within + ": "
                    + ConsumerGroupReport.of(bootstrap, group) + "; liveness "
                    + given().get("/q/health/live").asString().replaceAll("\\s+", " "), e);
        }
    }

    private long effects(UUID registrationId) {
        return count("select count(*) from test_effect where registration_id = '" + registrationId + "'");
    }

    private long count(String sql) {
        return pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0)).await()
                .atMost(Duration.ofSeconds(10));
    }

    private static Map<String, String> cloudEventHeaders(String id, String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "/test",
                "content-type", "application/json");
    }

    private static <T> T onVertx(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work::get));
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
