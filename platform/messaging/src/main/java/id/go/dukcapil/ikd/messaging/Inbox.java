package id.go.dukcapil.ikd.messaging;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Remembers which events a consumer has processed, in the consumer's own transaction. */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String CLAIM = """
            insert into ikd_inbox (consumer, event_id, event_type) values (?1, ?2, ?3)
            on conflict (consumer, event_id) do nothing""";

    private final Pool pool;
    private final MessagingConfig config;

    public Inbox(Pool pool, MessagingConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /**
     * Claims an event for a consumer inside the current transaction: true the first time, false
     * for a duplicate. Concurrent deliveries of one event serialise on the primary key, and the
     * loser sees false once the winner commits.
     */
    public Uni<Boolean> claim(String consumer, String eventId, String eventType) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOld() {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(config.consumer().inboxRetention());
        return pool.preparedQuery("delete from ikd_inbox where received_at < $1").execute(Tuple.of(cutoff))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("purging the inbox failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
