package id.go.dukcapil.ikd.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.messaging.RetentionJob;
import id.go.dukcapil.ikd.registration.config.RetentionSettings;
import id.go.dukcapil.ikd.registration.service.RegistrationExpiry;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The retention job with a moved clock: ended registrations go after a year, pending ones stay, and an
 * approval never activated lapses first.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RetentionTest {

    @Inject
    Pool pool;
    @Inject
    RetentionJob job;
    @Inject
    MeterRegistry registry;
    @Inject
    RegistrationExpiry expiry;
    @Inject
    RetentionSettings settings;

    @Test
    void endedRegistrationsAndTimelinesGoAfterTheirPeriodPendingOnesStay() {
        Instant now = Instant.now();
        UUID rejected = insert("REJECTED", now);
        UUID activated = insert("ACTIVATED", now.plus(Duration.ofDays(200)));
        UUID pending = insert("PENDING_VERIFICATION", now);
        double before = purged("registration");

        Map<String, Long> early = job.purgeAsOf(now.plus(Duration.ofDays(300))).await().indefinitely();
        assertThat(exists(rejected)).as("300 days after rejection: still inside its year").isTrue();
        assertThat(events(rejected)).isEqualTo(2);

        Map<String, Long> late = job.purgeAsOf(now.plus(Duration.ofDays(400))).await().indefinitely();
        assertThat(exists(rejected)).as("400 days after rejection: deleted").isFalse();
        assertThat(events(rejected)).isZero();
        assertThat(exists(activated)).as("ended 200 days before: kept").isTrue();
        assertThat(events(activated)).isEqualTo(2);
        assertThat(exists(pending)).as("pending registrations are never purged").isTrue();
        assertThat(events(pending)).isEqualTo(2);
        assertThat(late.get("registration")).isGreaterThanOrEqualTo(1);
        assertThat(late.get("registration_event")).isGreaterThanOrEqualTo(2);
        assertThat(purged("registration") - before).isEqualTo(early.get("registration") + late.get("registration"));

        Map<String, Long> again = job.purgeAsOf(now.plus(Duration.ofDays(400))).await().indefinitely();
        assertThat(again.get("registration")).as("a repeated run finds nothing").isZero();
    }

    @Test
    void anApprovalNeverActivatedLapsesAndThenGoesLikeEveryEndedRegistration() throws Throwable {
        Instant now = Instant.now();
        UUID lapsing = approved(now);
        UUID recent = approved(now.plus(Duration.ofDays(60)));
        Instant afterLapse = now.plus(settings.unactivatedApproval()).plusSeconds(60);

        VertxContextSupport.subscribeAndAwait(() -> expiry.expireOverdue(afterLapse));
        assertThat(status(lapsing)).as("approved %s ago, never activated", settings.unactivatedApproval())
                .isEqualTo("EXPIRED");
        assertThat(kinds(lapsing)).contains("APPROVAL_LAPSED");
        assertThat(status(recent)).as("approved 60 days later: still inside its period").isEqualTo("APPROVED");
        assertThat(kinds(recent)).doesNotContain("APPROVAL_LAPSED");

        VertxContextSupport.subscribeAndAwait(() -> expiry.expireOverdue(afterLapse));
        assertThat(kinds(lapsing).stream().filter("APPROVAL_LAPSED"::equals)).as("a repeated run lapses nothing twice")
                .hasSize(1);

        job.purgeAsOf(afterLapse.plus(settings.ended()).plusSeconds(60)).await().indefinitely();
        assertThat(exists(lapsing)).as("NIK and contact deleted a year after the lapse").isFalse();
        assertThat(exists(recent)).as("still approved: not an ended registration").isTrue();
    }

    private UUID approved(Instant decided) {
        UUID id = insert("APPROVED", decided);
        pool.preparedQuery("update registration set decided_at = $2 where id = $1")
                .execute(Tuple.of(id, OffsetDateTime.ofInstant(decided, ZoneOffset.UTC))).await().indefinitely();
        return id;
    }

    private String status(UUID id) {
        return pool.preparedQuery("select status from registration where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getString(0);
    }

    private List<String> kinds(UUID id) {
        List<String> kinds = new ArrayList<>();
        pool.preparedQuery("select kind from registration_event where registration_id = $1").execute(Tuple.of(id))
                .await().indefinitely().forEach(row -> kinds.add(row.getString(0)));
        return kinds;
    }

    private double purged(String table) {
        return registry.get("ikd.retention.purged").tag("table", table).counter().count();
    }

    private UUID insert(String status, Instant updated) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.ofInstant(updated, ZoneOffset.UTC);
        String nik = status.equals("PENDING_VERIFICATION")
                ? "35" + String.format("%014d", Math.floorMod(id.getLeastSignificantBits(), 100_000_000_000_000L))
                : "3578010101900001";
        pool.preparedQuery("""
                insert into registration (id, nik, email, phone, language, device_key_jwk, device_key_thumbprint,
                    secret_hash, status, submitted_at, updated_at, selfie_sha256, code_sequence, code_id,
                    short_code, code_expires_at)
                values ($1, $2, 'warga@example.id', '+6281200000000', 'id', '{}', 'tp', '\\x00'::bytea, $3,
                    $4, $4, 'sha', 1, $1, 'ABC123', $4)""")
                .execute(Tuple.of(id, nik, status, at)).await().indefinitely();
        for (int i = 0; i < 2; i++) {
            pool.preparedQuery("""
                    insert into registration_event (registration_id, kind, status, at, recipient)
                    values ($1, 'STATUS', $2, $3, 'warga@example.id')""")
                    .execute(Tuple.of(id, status, at)).await().indefinitely();
        }
        return id;
    }

    private boolean exists(UUID id) {
        return pool.preparedQuery("select 1 from registration where id = $1").execute(Tuple.of(id))
                .await().indefinitely().size() == 1;
    }

    private long events(UUID id) {
        return pool.preparedQuery("select count(*) from registration_event where registration_id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }
}
