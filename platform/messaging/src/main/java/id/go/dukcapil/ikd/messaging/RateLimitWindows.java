package id.go.dukcapil.ikd.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fixed-window counters shared by all replicas, in the service's {@code rate_limit_window} table
 * (registration's per-address and per-device limits, verification's public pages and counter).
 * Each hit commits on its own, outside any business transaction, so refused and failed requests
 * count too. A bucket is stored under its {@link RateLimitBucketKey} name, never as the address or
 * device it counts; a service that counts produces that key.
 */
@ApplicationScoped
public class RateLimitWindows {

    private static final String HIT = """
            insert into rate_limit_window (bucket, window_start, hits) values ($1, $2, 1)
            on conflict (bucket, window_start) do update set hits = rate_limit_window.hits + 1
            returning hits""";

    private static final Logger LOG = Logger.getLogger(RateLimitWindows.class);

    private final Pool pool;
    private final Instance<RateLimitBucketKey> keys;

    public RateLimitWindows(Pool pool, Instance<RateLimitBucketKey> keys) {
        this.pool = pool;
        this.keys = keys;
    }

    /**
     * Counts one hit of {@code bucket} in the fixed window of length {@code window} that holds
     * {@code now}: empty while within {@code limit}, else how long until that window ends (the
     * caller's {@code Retry-After}; never below one second).
     */
    public Uni<Optional<Duration>> hit(String bucket, int limit, Duration window, Instant now) {
        long windowMillis = window.toMillis();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        return hit(keys.get().name(bucket), windowStart).map(hits -> {
            if (hits <= limit) {
                return Optional.<Duration>empty();
            }
            Duration wait = Duration.between(now, windowStart.plus(window));
            return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        });
    }

    /** Forgets windows that ended more than a window ago; a failure is logged and the next round tries again. */
    public Uni<Void> purgeOlderThan(Duration window) {
        return deleteWindowsBefore(Instant.now().minus(window.multipliedBy(2))).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("purging rate-limit windows failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Counts one hit in the window and returns the hits so far, this one included. */
    Uni<Integer> hit(String bucket, Instant windowStart) {
        return pool.preparedQuery(HIT).execute(Tuple.of(bucket, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    Uni<Integer> deleteWindowsBefore(Instant cutoff) {
        return pool.preparedQuery("delete from rate_limit_window where window_start < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
