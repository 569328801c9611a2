package id.go.dukcapil.ikd.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL statements run for their effect inside the current Hibernate Reactive transaction:
 * a transaction-scoped advisory lock, and a notification delivered when the transaction commits.
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
