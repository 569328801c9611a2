package id.go.dukcapil.ikd.messaging;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;

/**
 * Tells a failure of the infrastructure (the database is down, restarting, overloaded, or a
 * transaction lost a serialisation race) from a failure of the event or of the code. The first
 * kind heals by itself, so an event that met it must wait and try again, however long it takes,
 * and must never be dead-lettered for it.
 */
public final class TransientFailures {

    /**
     * What Vert.x's SQL client and Netty say when PostgreSQL cut a connection (a crash, a restart):
     * seen in the fault campaign as a request's failure, alone or wrapped, and as the failure of a
     * commit whose outcome is unknown (the client retries; the services' commands are idempotent).
     */
    private static final List<String> CUT_CONNECTION = List.of("Pool closed", "Connection is closed",
            "Connection was closed", "Connection is not active now", "Connection refused", "Connection reset",
            "Broken pipe", "Failed to read any response from the server", "Timeout");

    /** Causes, suppressed failures and the members of a composite, looked at in all. */
    private static final int MAX_LOOKED_AT = 64;

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && seen.size() < MAX_LOOKED_AT) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isTransientItself(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            // Mutiny combines a failed step with its failed clean-up (a begin and its rollback):
            // the composite's cause is only the first of them
            if (t instanceof CompositeException composite) {
                pending.addAll(composite.getCauses());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof ConnectException || t instanceof SocketException || t instanceof ClosedChannelException
                || t instanceof TimeoutException || t instanceof io.vertx.sqlclient.ClosedConnectionException) {
            return true;
        }
        String sqlState = t instanceof PgException pg ? pg.getSqlState()
                : t instanceof SQLException sql ? sql.getSQLState() : null;
        if (sqlState != null && isTransientSqlState(sqlState, t.getMessage())) {
            return true;
        }
        String message = t.getMessage();
        return message != null && CUT_CONNECTION.stream().anyMatch(message::contains);
    }

    private static boolean isTransientSqlState(String state, String message) {
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57") // operator intervention: shutdown, cancel
                || state.equals("40001") || state.equals("40P01") // serialisation failure, deadlock
                || (state.equals("55000") && message != null && message.contains("not currently accepting connections"));
    }
}
