package id.go.dukcapil.ikd.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.messaging.SessionStatements;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.domain.NotificationKind;
import id.go.dukcapil.ikd.notification.domain.NotificationState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /*
     * HQL, not native SQL: Hibernate caches a native query's plan under a key that no later call
     * matches, so every dispatcher round added a plan and the cache evicted the service's others
     * (docs/performance.md). UPGRADE_SKIPLOCKED renders PostgreSQL's "for ... skip locked".
     */

    /** Due messages, locked so that dispatchers on other replicas skip them. */
    private static final String DUE = "from Notification where state in (?1) and nextAttemptAt <= ?2 order by nextAttemptAt";

    private static final String STALE = "from Notification where state = ?1 and attemptStartedAt < ?2";

    /**
     * Undelivered activation codes of a registration other than {@code currentEventId}, locked. A
     * row a dispatcher holds (SENDING) is waited for and then no longer matches.
     */
    private static final String WAITING_OF_KIND = """
            from Notification where registrationId = :registrationId and kind = :kind and state in (:waiting)
            and sourceEventId <> :currentEventId""";

    private static final List<NotificationState> WAITING = List.of(NotificationState.PENDING, NotificationState.RETRYING);

    public Uni<Boolean> exists(String sourceEventId, NotificationChannel channel, NotificationKind kind) {
        return count("sourceEventId = ?1 and channel = ?2 and kind = ?3", sourceEventId, channel, kind)
                .map(count -> count > 0);
    }

    /** Inside a transaction: due messages, locked until it ends. */
    public Uni<List<Notification>> lockDue(Instant now, int limit) {
        return SessionStatements.lockSkippingHeld(Notification.class, DUE, limit, WAITING, now);
    }

    /** Inside a transaction: attempts that started before {@code startedBefore} and never finished. */
    public Uni<List<Notification>> lockStale(Instant startedBefore, int limit) {
        return SessionStatements.lockSkippingHeld(Notification.class, STALE, limit, NotificationState.SENDING,
                startedBefore);
    }

    /** Inside a transaction. */
    public Uni<List<Notification>> lockUndeliveredCodes(UUID registrationId, String currentEventId) {
        return lockWaiting(registrationId, NotificationKind.ACTIVATION_CODE, currentEventId);
    }

    /** Inside a transaction: a registration's messages of {@code kind} still waiting, but those of the current event. */
    public Uni<List<Notification>> lockWaiting(UUID registrationId, NotificationKind kind, String currentEventId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(WAITING_OF_KIND, Notification.class)
                .setParameter("registrationId", registrationId)
                .setParameter("kind", kind)
                .setParameter("waiting", WAITING)
                .setParameter("currentEventId", currentEventId)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
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
