package id.go.dukcapil.ikd.registration.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fixed-window counters shared by all replicas. Each hit commits on its own, outside any
 * business transaction, so refused and failed requests count too.
 */
@ApplicationScoped
public class RateLimitRepository {

    private static final String HIT = """
            insert into rate_limit_window (bucket, window_start, hits) values ($1, $2, 1)
            on conflict (bucket, window_start) do update set hits = rate_limit_window.hits + 1
            returning hits""";

    private final Pool pool;

    public RateLimitRepository(Pool pool) {
        this.pool = pool;
    }

    /** Counts one hit in the window and returns the hits so far, this one included. */
    public Uni<Integer> hit(String bucket, Instant windowStart) {
        return pool.preparedQuery(HIT).execute(Tuple.of(bucket, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    public Uni<Integer> deleteWindowsBefore(Instant cutoff) {
        return pool.preparedQuery("delete from rate_limit_window where window_start < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
