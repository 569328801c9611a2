package id.go.dukcapil.ikd.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Remembers which events a consumer has processed, in the consumer's own transaction;
 * {@link MessagingRetention} forgets them after {@code ikd.messaging.consumer.inbox-retention}.
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = """
            insert into ikd_inbox (consumer, event_id, event_type) values (?1, ?2, ?3)
            on conflict (consumer, event_id) do nothing""";

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
}
