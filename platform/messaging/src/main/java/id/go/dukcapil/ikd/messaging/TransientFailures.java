package id.go.dukcapil.ikd.messaging;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;

/**
 * Tells a failure of the infrastructure (the database is down, restarting, overloaded, or a
 * transaction lost a serialisation race) from a failure of the event or of the code. The first
 * kind heals by itself, so an event that met it must wait and try again, however long it takes,
 * and must never be dead-lettered for it.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof TimeoutException || t instanceof io.vertx.sqlclient.ClosedConnectionException) {
                return true;
            }
            String sqlState = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null && isTransientSqlState(sqlState, t.getMessage())) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Pool closed") || message.contains("Connection is closed")
                    || message.contains("Connection refused") || message.contains("Timeout"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientSqlState(String state, String message) {
        return state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources
                || state.startsWith("57") // operator intervention: shutdown, cancel
                || state.equals("40001") || state.equals("40P01") // serialisation failure, deadlock
                || (state.equals("55000") && message != null && message.contains("not currently accepting connections"));
    }
}
