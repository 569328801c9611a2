package id.go.dukcapil.ikd.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The retention job with a moved clock: what goes, what is pseudonymised and what stays. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
class RetentionTest {

    @Inject
    Pool pool;
    @Inject
    RetentionJob job;
    @Inject
    MeterRegistry registry;

    @Test
    void revokedIdentitiesArePseudonymisedUnusedApprovalsGoActiveIdentitiesStay() {
        Instant now = Instant.now();
        UUID unused = approval(now);
        code(unused, 1, now.plus(Duration.ofDays(3)));
        code(unused, 2, now.plus(Duration.ofDays(50)));
        UUID revoked = approval(now);
        UUID revokedIdentity = identity(revoked, "REVOKED", now);
        UUID active = approval(now);
        UUID activeIdentity = identity(active, "ACTIVE", null);
        double before = purged("identity");

        job.purgeAsOf(now.plus(Duration.ofDays(60))).await().indefinitely();
        assertThat(count("approval where registration_id = $1", unused)).as("60 days: inside its 90").isOne();
        assertThat(count("activation_code where registration_id = $1", unused))
                .as("the code expired 57 days before goes, the one expired 10 days before stays").isOne();

        job.purgeAsOf(now.plus(Duration.ofDays(400))).await().indefinitely();
        assertThat(count("approval where registration_id = $1", unused)).as("unused approval deleted").isZero();
        assertThat(count("activation_code where registration_id = $1", unused)).isZero();

        Row stub = row("select nik, device_key_jwk, app_pin_hash, subject, status from identity where id = $1",
                revokedIdentity);
        assertThat(stub.getString("nik")).as("revoked identity kept as a pseudonymous stub").isEmpty();
        assertThat(stub.getString("device_key_jwk")).isEmpty();
        assertThat(stub.getString("app_pin_hash")).isNull();
        assertThat(stub.getString("status")).isEqualTo("REVOKED");
        Row approval = row("select nik, email, phone, full_name, birth_date from approval"
                + " where registration_id = $1", revoked);
        assertThat(approval.getString("nik")).isEmpty();
        assertThat(approval.getString("full_name")).as("the revoked identity's attributes, kept in its approval").isNull();
        assertThat(approval.getLocalDate("birth_date")).isNull();
        assertThat(approval.getString("email")).isEmpty();
        assertThat(approval.getString("phone")).isEmpty();

        Row kept = row("select nik, app_pin_hash from identity where id = $1", activeIdentity);
        assertThat(kept.getString("nik")).as("an active identity is never touched").isEqualTo(nik(active));
        assertThat(row("select full_name from approval where registration_id = $1", active).getString("full_name"))
                .isEqualTo("WARGA");
        assertThat(kept.getString("app_pin_hash")).isEqualTo("hash");
        assertThat(row("select email from approval where registration_id = $1", active).getString("email"))
                .isEqualTo("warga@example.id");
        assertThat(purged("identity") - before).isGreaterThanOrEqualTo(1);
    }

    private double purged(String table) {
        return registry.get("ikd.retention.purged").tag("table", table).counter().count();
    }

    private static String nik(UUID registration) {
        return "35" + String.format("%014d", Math.floorMod(registration.getMostSignificantBits(), 100_000_000_000_000L));
    }

    private UUID approval(Instant at) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into approval (registration_id, case_id, nik, full_name, birth_date, device_key_jwk,
                    email, phone, language, office_code, office_name, approved_at)
                values ($1, $1, $2, 'WARGA', '1990-01-01', '{}', 'warga@example.id', '+6281200000000', 'id',
                    '3171-DEMO', 'Disdukcapil', $3)""")
                .execute(Tuple.of(id, nik(id), OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).await().indefinitely();
        return id;
    }

    private void code(UUID registration, int sequence, Instant expires) {
        pool.preparedQuery("""
                insert into activation_code (id, registration_id, sequence, pin_hash, link_token_hash, status,
                    issued_at, expires_at)
                values ($1, $2, $4, '\\x00'::bytea, decode(md5($1::text), 'hex'), 'ISSUED', $3, $3)""")
                .execute(Tuple.of(UUID.randomUUID(), registration, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC),
                        sequence))
                .await().indefinitely();
    }

    private UUID identity(UUID registration, String status, Instant revokedAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into identity (id, registration_id, nik, subject, device_key_jwk, device_key_thumbprint, status,
                    activated_at, revoked_at, app_pin_hash)
                values ($1, $2, $3, $1::text, '{}', 'tp', $4, now(), $5, 'hash')""")
                .execute(Tuple.of(id, registration, nik(registration), status,
                        revokedAt == null ? null : OffsetDateTime.ofInstant(revokedAt, ZoneOffset.UTC)))
                .await().indefinitely();
        return id;
    }

    private long count(String from, UUID id) {
        return row("select count(*) from " + from, id).getLong(0);
    }

    private Row row(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely().iterator().next();
    }
}
