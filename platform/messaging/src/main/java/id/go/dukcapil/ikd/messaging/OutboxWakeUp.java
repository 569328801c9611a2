package id.go.dukcapil.ikd.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Listens for the outbox's commit notifications (PostgreSQL LISTEN/NOTIFY) and starts a relay
 * round at once, so an event reaches Kafka milliseconds after its transaction commits instead of
 * at the next periodic round. Losing the listener only costs latency: the periodic round remains.
 */
@ApplicationScoped
public class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
    static final String CHANNEL = "ikd_outbox";

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final MessagingConfig config;
    private final String url;
    private final String username;
    private final String password;
    private PgSubscriber subscriber;

    public OutboxWakeUp(Vertx vertx, OutboxRelay relay, MessagingConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String username,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.vertx = vertx;
        this.relay = relay;
        this.config = config;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.outbox().relayEnabled()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(username).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 2000L); // keep trying every 2 s while the database is away
        subscriber.channel(CHANNEL).handler(payload -> relay.wakeUp());
        subscriber.connect().subscribe().with(
                connected -> LOG.debug("listening for outbox commits"),
                failure -> LOG.warnf("outbox listener not connected (periodic relay continues): %s",
                        failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
