package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import id.go.dukcapil.ikd.verification.domain.LoginThrottleRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Failed-login counters of usernames that are no account, in the current transaction (the table
 * {@code login_throttle}, keyed by the username's SHA-256).
 */
@ApplicationScoped
public class LoginThrottleRepository {

    /** The counter of one username: how many failures in a row, and until when it is locked. */
    public record Throttle(int failedAttempts, Instant lockedUntil) {

        public static final Throttle NONE = new Throttle(0, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /**
     * The username's counter, locked for the rest of the transaction; {@link Throttle#NONE} when it
     * has none. Loaded as an entity, not read by a native select: Hibernate caches a native select's
     * plan under a key no later call matches, so every sign-in (a stranger's too) added a plan. The
     * row is detached at once: {@link #save} writes it with an upsert, not through the session.
     */
    public Uni<Throttle> find(String usernameSha256) {
        return Panache.getSession().chain(session -> session
                .find(LoginThrottleRow.class, usernameSha256, LockMode.PESSIMISTIC_WRITE)
                .map(row -> {
                    if (row == null) {
                        return Throttle.NONE;
                    }
                    session.detach(row);
                    return new Throttle(row.failedAttempts, row.lockedUntil);
                }));
    }

    public Uni<Void> save(String usernameSha256, Throttle throttle, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into login_throttle (username_sha256, failed_attempts, locked_until, updated_at)
                values (?1, ?2, ?3, ?4)
                on conflict (username_sha256) do update
                set failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until,
                    updated_at = excluded.updated_at""")
                .setParameter(1, usernameSha256)
                .setParameter(2, throttle.failedAttempts())
                .setParameter(3, throttle.lockedUntil() == null ? null : throttle.lockedUntil().atOffset(ZoneOffset.UTC))
                .setParameter(4, now.atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }
}
