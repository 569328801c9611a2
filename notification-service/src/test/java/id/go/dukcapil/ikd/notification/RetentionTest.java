package id.go.dukcapil.ikd.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.messaging.RetentionJob;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The retention job with a moved clock: finished messages go after 90 days, undelivered ones stay. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class RetentionTest {

    @Inject
    Pool pool;
    @Inject
    RetentionJob job;
    @Inject
    MeterRegistry registry;

    @Test
    void finishedNotificationsGoAfterTheirPeriodOthersStay() {
        Instant now = Instant.now();
        UUID sent = insert("SENT", now);
        UUID failed = insert("FAILED", now);
        UUID recent = insert("SENT", now.plus(Duration.ofDays(380)));
        UUID retrying = insert("RETRYING", now);
        double before = registry.get("ikd.retention.purged").tag("table", "notification").counter().count();

        Map<String, Long> early = job.purgeAsOf(now.plus(Duration.ofDays(80))).await().indefinitely();
        assertThat(exists(sent)).as("80 days after sending: kept").isTrue();

        Map<String, Long> late = job.purgeAsOf(now.plus(Duration.ofDays(400))).await().indefinitely();
        assertThat(exists(sent)).as("400 days after sending: deleted").isFalse();
        assertThat(exists(failed)).isFalse();
        assertThat(exists(recent)).as("sent 20 days before the moved clock: kept").isTrue();
        assertThat(exists(retrying)).as("a message still being delivered is never purged").isTrue();
        assertThat(late.get("notification")).isGreaterThanOrEqualTo(2);
        assertThat(registry.get("ikd.retention.purged").tag("table", "notification").counter().count() - before)
                .isEqualTo(early.get("notification") + late.get("notification"));
    }

    private UUID insert(String state, Instant updated) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.ofInstant(updated, ZoneOffset.UTC);
        String nextAttempt = state.equals("RETRYING") ? "now() + interval '1000 days'" : "$3";
        pool.preparedQuery("""
                insert into notification (id, registration_id, source_event_id, kind, channel, recipient,
                    language, content, state, next_attempt_at, created_at, updated_at)
                values ($1, $1, $2, 'REGISTRATION_RECEIVED', 'EMAIL', 'warga@example.id', 'id', 'Halo', $4,
                    %s, $3, $3)""".formatted(nextAttempt))
                .execute(Tuple.of(id, id.toString(), at, state)).await().indefinitely();
        return id;
    }

    private boolean exists(UUID id) {
        return pool.preparedQuery("select 1 from notification where id = $1").execute(Tuple.of(id))
                .await().indefinitely().size() == 1;
    }
}
