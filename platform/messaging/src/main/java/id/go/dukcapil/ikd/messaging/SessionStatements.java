package id.go.dukcapil.ikd.messaging;

import java.util.List;

import org.hibernate.LockMode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL statements inside the current Hibernate Reactive transaction: a transaction-scoped
 * advisory lock, a notification delivered when the transaction commits, and a locking read that
 * skips rows other replicas hold.
 *
 * <p>They run as {@code executeUpdate}, not as a select read with {@code getSingleResult}:
 * Hibernate caches a native select's plan under a key holding a result mapping built anew for
 * each call, which never equals the next call's. Every call therefore added a plan (all with one
 * hash code) until the cache was full (2,048), searched them all on the next call and evicted the
 * service's other plans; in registration-service that was 4 % of its CPU under load
 * (docs/performance.md). A native update's plan is keyed by its SQL text alone.
 */
public final class SessionStatements {

    private SessionStatements() {
    }

    /**
     * Holds the advisory lock named {@code key} (hashed to PostgreSQL's 64-bit lock space) until
     * the current transaction ends; waits while another transaction holds it.
     */
    public static Uni<Void> lockUntilCommit(String key) {
        return run("select pg_advisory_xact_lock(hashtextextended(?1, 0))", key);
    }

    /** Sends {@code payload} on {@code channel} when, and only if, the current transaction commits. */
    public static Uni<Void> notifyOnCommit(String channel, String payload) {
        return run("select pg_notify(?1, ?2)", channel, payload);
    }

    /**
     * The first {@code limit} entities of an HQL query (positional parameters {@code ?1}, {@code ?2}…),
     * locked for the current transaction; rows another transaction holds are skipped, not waited for
     * (PostgreSQL's {@code for update skip locked}): how replicas share a table of work. HQL, not
     * native SQL, for the plan cache's sake (above).
     */
    public static <T> Uni<List<T>> lockSkippingHeld(Class<T> entity, String hql, int limit, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, entity);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.setMaxResults(limit).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList();
        });
    }

    private static Uni<Void> run(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var statement = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setParameter(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }).replaceWithVoid();
    }
}
