package id.go.dukcapil.ikd.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.domain.NotificationKind;
import id.go.dukcapil.ikd.notification.domain.SourceEvent;
import id.go.dukcapil.ikd.notification.repository.NotificationRepository;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The dispatcher's locking reads: a row another replica holds is skipped, not waited for, and
 * repeating them reuses their query plans (as native selects, each call added a plan to
 * Hibernate's cache until it evicted the service's others).
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class NotificationLocksTest {

    /** Far enough ahead that the running dispatcher never finds these rows due. */
    private static final Instant LATER = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

    @Inject
    NotificationRepository repository;
    @Inject
    Mutiny.SessionFactory sessionFactory;
    @Inject
    Pool pool;

    @Test
    void aDueRowHeldByAnotherReplicaIsSkippedAndTakenOnceReleased() throws Throwable {
        UUID registrationId = UUID.randomUUID();
        Notification held = dueLater(registrationId, "held");
        Notification free = dueLater(registrationId, "free");

        // another replica's dispatcher holds one row, in a transaction of its own
        SqlConnection otherReplica = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction claim = otherReplica.begin().await().atMost(Duration.ofSeconds(10));
        List<UUID> seenWhileHeld;
        try {
            otherReplica.preparedQuery("select id from notification where id = $1 for update")
                    .execute(Tuple.of(held.id)).await().atMost(Duration.ofSeconds(10));
            // waiting for the lock instead of skipping it would hang here: bounded
            seenWhileHeld = CompletableFuture.supplyAsync(() -> dueIds(registrationId)).get(20, TimeUnit.SECONDS);
        } finally {
            claim.rollback().await().atMost(Duration.ofSeconds(10));
            otherReplica.close().await().atMost(Duration.ofSeconds(10));
        }

        assertThat(seenWhileHeld).as("the held row is skipped, the other taken at once").containsExactly(free.id);
        assertThat(dueIds(registrationId)).containsExactlyInAnyOrder(held.id, free.id);
    }

    @Test
    void repeatedLockingReadsReuseTheirPlans() throws Throwable {
        UUID registrationId = UUID.randomUUID();
        dueLater(registrationId, "plan");
        readAll(registrationId); // the first calls plan the statements
        long missesBefore = sessionFactory.getStatistics().getQueryPlanCacheMissCount();

        for (int i = 0; i < 20; i++) {
            readAll(registrationId);
        }

        assertThat(sessionFactory.getStatistics().getQueryPlanCacheMissCount() - missesBefore)
                .as("query plan cache misses for 20 more rounds of the three locking reads").isZero();
    }

    private void readAll(UUID registrationId) throws Throwable {
        inTransaction(() -> repository.lockDue(LATER, 10)
                .chain(() -> repository.lockStale(Instant.EPOCH, 10))
                .chain(() -> repository.lockUndeliveredCodes(registrationId, "another-event")));
    }

    private List<UUID> dueIds(UUID registrationId) {
        try {
            return inTransaction(() -> repository.lockDue(LATER, 1000)).stream()
                    .filter(notification -> registrationId.equals(notification.registrationId))
                    .map(notification -> notification.id).toList();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private Notification dueLater(UUID registrationId, String event) throws Throwable {
        Notification notification = Notification.pending(registrationId, new SourceEvent(event + "-" + registrationId, null),
                NotificationKind.ACTIVATION_CODE, NotificationChannel.EMAIL, "warga@example.test", "id", "sealed",
                LATER.minusSeconds(60));
        notification.nextAttemptAt = LATER.minusSeconds(60);
        return inTransaction(() -> repository.persist(notification));
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work::get));
    }
}
