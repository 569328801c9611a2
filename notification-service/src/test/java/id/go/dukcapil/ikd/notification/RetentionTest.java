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

/**
 * The retention job with a moved clock: finished messages go after 90 days, undelivered ones stay;
 * recipients 30 days after their registration ended, 120 days after their contact when never
 * activated, never while their identity lives.
 */
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

    @Test
    void recipientsGoOnceNoMessageCanComeAnActiveIdentitysStays() {
        Instant now = Instant.now();
        UUID ended = recipient(now, null, now);
        UUID active = recipient(now, now, null);
        UUID neverActivated = recipient(now, null, null);

        job.purgeAsOf(now.plus(Duration.ofDays(20))).await().indefinitely();
        assertThat(recipientExists(ended)).as("20 days after the end: kept").isTrue();
        assertThat(recipientExists(neverActivated)).isTrue();

        Map<String, Long> after31 = job.purgeAsOf(now.plus(Duration.ofDays(31))).await().indefinitely();
        assertThat(recipientExists(ended)).as("31 days after the end: deleted").isFalse();
        assertThat(recipientExists(neverActivated)).as("never activated, 31 days: kept").isTrue();
        assertThat(after31.get("recipient")).isGreaterThanOrEqualTo(1);

        job.purgeAsOf(now.plus(Duration.ofDays(121))).await().indefinitely();
        assertThat(recipientExists(neverActivated)).as("never activated, 121 days: deleted").isFalse();
        assertThat(recipientExists(active)).as("an active identity's recipient stays").isTrue();

        job.purgeAsOf(now.plus(Duration.ofDays(3650))).await().indefinitely();
        assertThat(recipientExists(active)).as("while the identity lives, however long").isTrue();
    }

    private UUID recipient(Instant contactAt, Instant activatedAt, Instant endedAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into recipient (registration_id, email, phone, language, contact_at, activated_at, ended_at,
                    updated_at)
                values ($1, 'warga@example.id', '+6281234567890', 'id', $2, $3, $4, $2)""")
                .execute(Tuple.of(id, utc(contactAt), utc(activatedAt), utc(endedAt))).await().indefinitely();
        return id;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private boolean recipientExists(UUID id) {
        return pool.preparedQuery("select 1 from recipient where registration_id = $1").execute(Tuple.of(id))
                .await().indefinitely().size() == 1;
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
