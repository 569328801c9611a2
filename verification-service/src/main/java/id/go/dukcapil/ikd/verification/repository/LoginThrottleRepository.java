package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

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

    /** The username's counter, locked for the rest of the transaction; {@link Throttle#NONE} when it has none. */
    public Uni<Throttle> find(String usernameSha256) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select failed_attempts, locked_until from login_throttle where username_sha256 = ?1 for update",
                Object[].class)
                .setParameter(1, usernameSha256)
                .getResultList())
                .map(LoginThrottleRepository::first);
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

    private static Throttle first(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Throttle.NONE;
        }
        Object[] row = rows.get(0);
        return new Throttle(((Number) row[0]).intValue(), instant(row[1]));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
