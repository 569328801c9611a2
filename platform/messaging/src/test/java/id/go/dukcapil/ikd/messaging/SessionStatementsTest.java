package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The lock and the notification run in the caller's transaction, the notification arrives only
 * after the commit, and repeating them does not grow Hibernate's query plan cache: each call of
 * a native select read with getSingleResult was a cache miss that added a plan.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_test"))
class SessionStatementsTest {

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Inject
    CommitSignals signals;

    @Test
    void repeatedStatementsReuseTheirPlansAndTheNotificationComesWithTheCommit() throws Throwable {
        List<String> received = new CopyOnWriteArrayList<>();
        signals.listen("session-statements-test", (Consumer<String>) received::add);
        inTransaction(0); // the first calls plan the statements
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains("call-0"));
        long missesBefore = sessionFactory.getStatistics().getQueryPlanCacheMissCount();

        for (int i = 1; i <= 40; i++) {
            inTransaction(i);
        }

        assertThat(sessionFactory.getStatistics().getQueryPlanCacheMissCount() - missesBefore)
                .as("query plan cache misses for 40 more locks and notifications").isZero();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains("call-40"));
        assertThat(received).hasSize(41);
    }

    @Test
    void aRolledBackTransactionNotifiesNobody() throws Throwable {
        List<String> received = new CopyOnWriteArrayList<>();
        signals.listen("session-statements-rollback", (Consumer<String>) received::add);
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> SessionStatements
                    .notifyOnCommit("session-statements-rollback", "rolled back")
                    .invoke(() -> {
                        throw new IllegalStateException("rule broken");
                    })));
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> SessionStatements
                .notifyOnCommit("session-statements-rollback", "committed")));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains("committed"));
        assertThat(received).containsExactly("committed");
    }

    private static void inTransaction(int call) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> SessionStatements
                .lockUntilCommit("session-statements-test:" + call % 3)
                .chain(() -> SessionStatements.notifyOnCommit("session-statements-test", "call-" + call))));
    }
}
