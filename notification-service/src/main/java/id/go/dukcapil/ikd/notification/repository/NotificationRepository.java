package id.go.dukcapil.ikd.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.domain.NotificationKind;
import id.go.dukcapil.ikd.notification.domain.NotificationState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** Due messages, locked so that dispatchers on other replicas skip them. */
    private static final String LOCK_DUE = """
            select * from notification
            where state in ('PENDING', 'RETRYING') and next_attempt_at <= ?1
            order by next_attempt_at
            limit ?2
            for update skip locked""";

    private static final String LOCK_STALE = """
            select * from notification
            where state = 'SENDING' and attempt_started_at < ?1
            limit ?2
            for update skip locked""";

    /**
     * Undelivered activation codes of a registration other than {@code currentEventId}, locked. A
     * row a dispatcher holds (SENDING) is waited for and then no longer matches.
     */
    private static final String LOCK_UNDELIVERED_CODES = """
            select * from notification
            where registration_id = ?1 and kind = 'ACTIVATION_CODE' and state in ('PENDING', 'RETRYING')
              and source_event_id <> ?2
            for update""";

    public Uni<Boolean> exists(String sourceEventId, NotificationChannel channel, NotificationKind kind) {
        return count("sourceEventId = ?1 and channel = ?2 and kind = ?3", sourceEventId, channel, kind)
                .map(count -> count > 0);
    }

    /** Inside a transaction: due messages, locked until it ends. */
    @SuppressWarnings("unchecked")
    public Uni<List<Notification>> lockDue(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_DUE, Notification.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList());
    }

    /** Inside a transaction: attempts that started before {@code startedBefore} and never finished. */
    public Uni<List<Notification>> lockStale(Instant startedBefore, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_STALE, Notification.class)
                .setParameter(1, startedBefore)
                .setParameter(2, limit)
                .getResultList());
    }

    /** Inside a transaction. */
    public Uni<List<Notification>> lockUndeliveredCodes(UUID registrationId, String currentEventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_UNDELIVERED_CODES, Notification.class)
                .setParameter(1, registrationId)
                .setParameter(2, currentEventId)
                .getResultList());
    }

    /** Inside a transaction: the channel's messages waiting out a backoff become due now. */
    public Uni<Integer> retryNow(NotificationChannel channel, Instant now) {
        return update("nextAttemptAt = ?1 where state = ?2 and channel = ?3 and nextAttemptAt > ?1", now,
                NotificationState.RETRYING, channel);
    }

    public Uni<List<Notification>> forRegistration(UUID registrationId) {
        return list("registrationId", Sort.by("createdAt").and("channel"), registrationId);
    }

    /**
     * Inside a transaction: the registration's messages not yet attempted or waiting to retry,
     * locked. A row a dispatcher holds (SENDING) is being sent now and is left to finish.
     */
    public Uni<List<Notification>> lockWaiting(UUID registrationId) {
        return find("registrationId = ?1 and state in (?2, ?3)", registrationId, NotificationState.PENDING,
                NotificationState.RETRYING).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Inside a transaction: every message of the registration but one being sent right now. */
    public Uni<Long> deleteAllButSending(UUID registrationId) {
        return delete("registrationId = ?1 and state <> ?2", registrationId, NotificationState.SENDING);
    }
}
