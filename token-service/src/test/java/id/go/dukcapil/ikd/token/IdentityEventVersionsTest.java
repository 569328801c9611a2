package id.go.dukcapil.ikd.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The projection reads both versions of activation-service's identity events: a {@code .v1} still in
 * flight (NIK in full, masked on arrival) and a {@code .v2} (NIK already masked, no contact) give the
 * same row, and a {@code .v2} revocation stops the identity.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class IdentityEventVersionsTest {

    @Inject
    Pool pool;

    @Test
    void aV2ActivationProjectsLikeAV1AndItsRevocationStopsTheIdentity() {
        Fixtures.Citizen fromV1 = new Fixtures.Citizen(UUID.randomUUID(), UUID.randomUUID(), "sub-" + UUID.randomUUID());
        Fixtures.Citizen fromV2 = new Fixtures.Citizen(UUID.randomUUID(), UUID.randomUUID(), "sub-" + UUID.randomUUID());
        Instant at = Instant.parse("2026-11-20T03:20:45Z");
        var v1 = Fixtures.activated(fromV1, at);
        IdentityActivatedV2 v2 = new IdentityActivatedV2(fromV2.identityId(), fromV2.registrationId(), fromV2.subject(),
                "SITI AMINAH", "320101********01", LocalDate.of(1990, 1, 5),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", at, v1.office());

        Fixtures.publish(v1);
        Fixtures.publish(v2);
        Fixtures.awaitMintable(fromV2);
        await().atMost(Duration.ofSeconds(30)).until(() -> row(fromV1) != null);

        Row one = row(fromV1);
        Row two = row(fromV2);
        assertThat(one.getString("nik_masked")).isEqualTo("320101********01");
        for (String column : new String[] { "full_name", "nik_masked", "photo_sha256", "office_code", "office_name" }) {
            assertThat(two.getString(column)).as(column).isEqualTo(one.getString(column)).isNotNull();
        }
        assertThat(two.getLocalDate("birth_date")).isEqualTo(one.getLocalDate("birth_date")).isEqualTo(LocalDate.of(1990, 1, 5));
        assertThat(two.getValue("revoked_at")).isNull();

        Fixtures.publish(new IdentityRevokedV2(fromV2.identityId(), fromV2.registrationId(), fromV2.subject(),
                RevocationReason.OPERATOR, null, Instant.now(), v1.office()));
        await().atMost(Duration.ofSeconds(30)).until(() -> row(fromV2).getValue("revoked_at") != null);
        assertThat(row(fromV2).getString("revocation_reason")).isEqualTo("OPERATOR");
        assertThat(Fixtures.mintRequest(fromV2.subject(), Fixtures.pinProof(fromV2.subject())).statusCode())
                .isNotEqualTo(201);
    }

    private Row row(Fixtures.Citizen citizen) {
        RowSet<Row> rows = pool.preparedQuery("select * from identity where identity_id = $1")
                .execute(Tuple.of(citizen.identityId())).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }
}
