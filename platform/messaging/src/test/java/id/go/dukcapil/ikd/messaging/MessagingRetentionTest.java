package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The outbox and inbox purge with a moved clock, in batches of 2 (test configuration). */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_test"))
class MessagingRetentionTest {

    @Inject
    Pool pool;
    @Inject
    RetentionJob retention;
    @Inject
    MeterRegistry registry;

    @Test
    void publishedEventsGoAfterSevenDaysProcessedIdsAfterThirtyInSeveralBatches() {
        Instant now = Instant.now();
        String consumer = "retention-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            pool.preparedQuery("""
                    insert into ikd_outbox (event_id, topic, message_key, event_type, payload, published_at)
                    values ($1, 'ikd.retention-test', 'k', 'test', '{}', $2)""")
                    .execute(Tuple.of(UUID.randomUUID(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                    .await().indefinitely();
            pool.preparedQuery("insert into ikd_inbox (consumer, event_id, event_type, received_at) values ($1, $2, 'test', $3)")
                    .execute(Tuple.of(consumer, "e" + i, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                    .await().indefinitely();
        }
        double before = registry.get("ikd.retention.purged").tag("table", "ikd_inbox").counter().count();

        retention.purgeAsOf(now.plus(Duration.ofDays(6))).await().indefinitely();
        assertThat(outbox()).as("6 days after publication: kept").isEqualTo(5);
        assertThat(inbox(consumer)).isEqualTo(5);

        Map<String, Long> week = retention.purgeAsOf(now.plus(Duration.ofDays(8))).await().indefinitely();
        assertThat(outbox()).as("8 days after publication: deleted, 2 rows a batch").isZero();
        assertThat(week.get("ikd_outbox")).isGreaterThanOrEqualTo(5);
        assertThat(inbox(consumer)).as("processed ids are remembered 30 days").isEqualTo(5);

        retention.purgeAsOf(now.plus(Duration.ofDays(31))).await().indefinitely();
        assertThat(inbox(consumer)).isZero();
        assertThat(registry.get("ikd.retention.purged").tag("table", "ikd_inbox").counter().count() - before)
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void answersToKeyedRequestsAreKeptOneDay() {
        Instant now = Instant.now();
        String keyHash = "retention-" + UUID.randomUUID();
        pool.preparedQuery("insert into ikd_idempotent_request (key_hash, operation, answer, created_at) values ($1, 'test', $2, $3)")
                .execute(Tuple.of(keyHash, io.vertx.core.buffer.Buffer.buffer(new byte[] { 1 }),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .await().indefinitely();

        retention.purgeAsOf(now.plus(Duration.ofHours(23))).await().indefinitely();
        assertThat(answers(keyHash)).as("23 hours later: a retry still finds its answer").isEqualTo(1);
        retention.purgeAsOf(now.plus(Duration.ofHours(25))).await().indefinitely();
        assertThat(answers(keyHash)).as("after a day: gone").isZero();
    }

    private long answers(String keyHash) {
        return pool.preparedQuery("select count(*) from ikd_idempotent_request where key_hash = $1")
                .execute(Tuple.of(keyHash)).await().indefinitely().iterator().next().getLong(0);
    }

    private long outbox() {
        return pool.query("select count(*) from ikd_outbox where topic = 'ikd.retention-test'").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

    private long inbox(String consumer) {
        return pool.preparedQuery("select count(*) from ikd_inbox where consumer = $1").execute(Tuple.of(consumer))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
