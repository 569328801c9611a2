package id.go.dukcapil.ikd.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The service's one PostgreSQL LISTEN connection. A table's trigger that calls
 * {@code pg_notify(channel, '')} signals a commit (PostgreSQL delivers notifications only when
 * the transaction commits), and the handler registered for that channel starts work at once
 * instead of at its next periodic round. Losing the connection only costs latency: every user
 * keeps a periodic round, and the listener reconnects every 2 s.
 */
@ApplicationScoped
public class CommitSignals {

    private static final Logger LOG = Logger.getLogger(CommitSignals.class);

    private final Vertx vertx;
    private final String url;
    private final String username;
    private final String password;
    private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    public CommitSignals(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String username,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Runs {@code handler} (on an event loop: it must not block) after each commit signalled on {@code channel}. */
    public void listen(String channel, Runnable handler) {
        listen(channel, (Consumer<String>) payload -> handler.run());
    }

    /**
     * Calls {@code handler} with the payload of each {@code pg_notify(channel, payload)} committed, on an
     * event loop (it must not block); a payload names what changed, the listener reads the rest.
     */
    public synchronized void listen(String channel, Consumer<String> handler) {
        if (handlers.putIfAbsent(channel, handler) != null) {
            throw new IllegalStateException("channel " + channel + " already has a listener");
        }
        if (subscriber == null) {
            PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                    .setUser(username).setPassword(password);
            subscriber = PgSubscriber.subscriber(vertx, options)
                    .reconnectPolicy(retries -> 2000L); // keep trying every 2 s while the database is away
            subscriber.channel(channel).handler(handler::accept);
            subscriber.connect().subscribe().with(
                    connected -> LOG.debugf("listening for commits on %s", handlers.keySet()),
                    failure -> LOG.warnf("commit listener not connected (periodic rounds continue): %s",
                            failure.getMessage()));
        } else {
            subscriber.channel(channel).handler(handler::accept);
        }
    }

    /** Whether the LISTEN connection is up now (signals pause while it reconnects). */
    public synchronized boolean listening() {
        return subscriber != null && !subscriber.closed() && subscriber.actualConnection() != null;
    }

    synchronized void stop(@Observes ShutdownEvent ignored) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
            subscriber = null;
        }
    }
}
