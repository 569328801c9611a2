package id.go.dukcapil.ikd.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * RegistrationWithdrawn stops the messages about a registration: a citizen's withdrawal (UU PDP
 * erasure) deletes their messages, sent or waiting; an expiry cancels only the waiting ones.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class WithdrawalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void theCitizensWithdrawalDeletesTheirMessagesSentOrWaiting() {
        Citizen citizen = Citizen.speaking("id");
        TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));
        await().atMost(PATIENCE).until(() -> count(citizen.registrationId(), "SENT") == 1);
        waiting(citizen.registrationId());
        assertThat(count(citizen.registrationId(), null)).isEqualTo(2);

        RegistrationWithdrawn withdrawn = new RegistrationWithdrawn(citizen.registrationId(),
                WithdrawalReason.CITIZEN_REQUEST, Instant.now());
        TestEvents.publish(withdrawn);
        await().atMost(PATIENCE).until(() -> count(citizen.registrationId(), null) == 0);
        assertThat(pool.preparedQuery("select count(*) from notification where recipient = $1")
                .execute(Tuple.of(citizen.email())).await().indefinitely().iterator().next().getLong(0))
                .as("the citizen's address is nowhere any more").isZero();

        TestEvents.publish(withdrawn); // the same fact again: nothing left to do, nothing fails
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> count(citizen.registrationId(), null) == 0);
    }

    @Test
    void anExpiryCancelsOnlyTheWaitingMessages() {
        Citizen citizen = Citizen.speaking("en");
        TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XE"));
        await().atMost(PATIENCE).until(() -> count(citizen.registrationId(), "SENT") == 1);
        UUID waiting = waiting(citizen.registrationId());

        TestEvents.publish(new RegistrationWithdrawn(citizen.registrationId(), WithdrawalReason.EXPIRED, Instant.now()));
        await().atMost(PATIENCE).until(() -> "FAILED".equals(row(waiting).getString("state")));
        assertThat(row(waiting).getString("last_error")).isEqualTo("WITHDRAWN");
        assertThat(count(citizen.registrationId(), "SENT")).as("a sent message keeps its retention period").isEqualTo(1);
    }

    /** A message waiting out a long backoff, so the dispatcher leaves it alone during the test. */
    private UUID waiting(UUID registrationId) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into notification (id, registration_id, source_event_id, kind, channel, recipient,
                    language, content, state, next_attempt_at, created_at, updated_at)
                values ($1, $2, $3, 'REGISTRATION_RECEIVED', 'SMS', '+6281200000000', 'id', '{}', 'RETRYING',
                    now() + interval '1000 days', now(), now())""")
                .execute(Tuple.of(id, registrationId, id.toString())).await().indefinitely();
        return id;
    }

    private long count(UUID registrationId, String state) {
        return pool.preparedQuery("select count(*) from notification where registration_id = $1 and ($2::text is null or state = $2)")
                .execute(Tuple.of(registrationId, state)).await().indefinitely().iterator().next().getLong(0);
    }

    private Row row(UUID id) {
        return pool.preparedQuery("select * from notification where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }
}
