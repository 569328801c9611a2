package id.go.dukcapil.ikd.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.messaging.RetentionJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The retention job with a moved clock: revoked identities lose their personal data, active ones keep it. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class RetentionTest {

    @Inject
    Pool pool;
    @Inject
    RetentionJob job;
    @Inject
    MeterRegistry registry;

    @Test
    void revokedIdentitiesArePseudonymisedAfterAYearActiveOnesKeepTheirData() {
        Instant now = Instant.now();
        UUID revoked = identity(now);
        UUID active = identity(null);
        double before = registry.get("ikd.retention.purged").tag("table", "identity").counter().count();

        job.purgeAsOf(now.plus(Duration.ofDays(300))).await().indefinitely();
        assertThat(row(revoked).getString("full_name")).as("300 days after revocation: kept").isEqualTo("Warga");

        job.purgeAsOf(now.plus(Duration.ofDays(400))).await().indefinitely();
        Row stub = row(revoked);
        assertThat(stub.getString("full_name")).as("400 days after revocation: pseudonymised").isNull();
        assertThat(stub.getString("nik_masked")).isNull();
        assertThat(stub.getLocalDate("birth_date")).isNull();
        assertThat(stub.getString("photo_sha256")).isNull();
        assertThat(stub.getString("subject")).as("the subject stays, so its QR is still refused as revoked")
                .isEqualTo(revoked.toString());
        assertThat(stub.getOffsetDateTime("revoked_at")).isNotNull();
        assertThat(row(active).getString("full_name")).as("an active identity keeps its data").isEqualTo("Warga");
        assertThat(registry.get("ikd.retention.purged").tag("table", "identity").counter().count() - before)
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void verificationRecordsGoAfterAYear() {
        Instant now = Instant.now();
        String old = "VRF-OLD0-" + UUID.randomUUID().toString().substring(0, 8);
        String recent = "VRF-NEW0-" + UUID.randomUUID().toString().substring(0, 8);
        for (String reference : java.util.List.of(old, recent)) {
            Instant at = reference.equals(old) ? now.minus(Duration.ofDays(200)) : now;
            pool.preparedQuery("""
                    insert into verification_record (reference, verified_at, relying_party, subject, jti, disclosed, verdict)
                    values ($1, $2, 'bank', 'sub', 'jti', 'ikd.name', 'VALID')""")
                    .execute(Tuple.of(reference, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).await().indefinitely();
        }
        job.purgeAsOf(now.plus(Duration.ofDays(300))).await().indefinitely();
        assertThat(records(old)).as("500 days old at the moved clock: deleted").isZero();
        assertThat(records(recent)).as("300 days old: kept").isEqualTo(1);
        job.purgeAsOf(now.plus(Duration.ofDays(366))).await().indefinitely();
        assertThat(records(recent)).as("366 days old: deleted").isZero();
        assertThat(registry.get("ikd.retention.purged").tag("table", "verification_record").counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    private int records(String reference) {
        return pool.preparedQuery("select 1 from verification_record where reference = $1").execute(Tuple.of(reference))
                .await().indefinitely().size();
    }

    private UUID identity(Instant revokedAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into identity (identity_id, subject, registration_id, full_name, nik_masked, birth_date,
                    photo_sha256, activated_at, revoked_at, revocation_reason)
                values ($1, $1::text, $1, 'Warga', '3578********0001', date '1990-01-01', 'sha', now(), $2,
                    case when $2::timestamptz is null then null else 'LOST_DEVICE' end)""")
                .execute(Tuple.of(id, revokedAt == null ? null : OffsetDateTime.ofInstant(revokedAt, ZoneOffset.UTC)))
                .await().indefinitely();
        return id;
    }

    private Row row(UUID id) {
        return pool.preparedQuery("select * from identity where identity_id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }
}
