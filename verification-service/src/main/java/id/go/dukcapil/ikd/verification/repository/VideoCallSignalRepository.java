package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.CallSignal;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The signalling messages of calls, in order. A message is stored and announced with
 * {@code pg_notify} in one transaction, so whichever replica holds the other party's stream
 * hears of it after the commit, and a reconnecting page reads on from its last sequence.
 */
@ApplicationScoped
public class VideoCallSignalRepository {

    public static final String CHANNEL = "video_call_signal";
    private static final int PAGE = 50;

    private final Pool pool;

    public VideoCallSignalRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores the signal unless the call already holds {@code maxPerCall}; false when it was full. */
    public Uni<Boolean> append(UUID callId, String sender, String kind, String body, int maxPerCall) {
        return pool.withTransaction(connection -> count(connection, callId).chain(count -> {
            if (count >= maxPerCall) {
                return Uni.createFrom().item(false);
            }
            return connection.preparedQuery("insert into video_call_signal (call_id, sender, kind, body) values ($1, $2, $3, $4)")
                    .execute(Tuple.of(callId, sender, kind, body))
                    .chain(() -> connection.preparedQuery("select pg_notify($1, $2)")
                            .execute(Tuple.of(CHANNEL, callId.toString())))
                    .replaceWith(true);
        }));
    }

    /** Up to a page of the call's signals after {@code afterSeq}, oldest first. */
    public Uni<List<CallSignal>> after(UUID callId, long afterSeq) {
        return pool.preparedQuery("select seq, sender, kind, body from video_call_signal where call_id = $1 and seq > $2 "
                + "order by seq limit " + PAGE).execute(Tuple.of(callId, afterSeq)).map(rows -> {
                    List<CallSignal> signals = new ArrayList<>();
                    for (Row row : rows) {
                        signals.add(new CallSignal(row.getLong("seq"), row.getString("sender"), row.getString("kind"),
                                row.getString("body")));
                    }
                    return signals;
                });
    }

    /**
     * Ends waiting calls whose page has been silent since {@code silentSince} (no-shows), and forgets the
     * signals of calls that ended before {@code endedBefore}: they hold the parties' network addresses.
     * Returns how many calls ended as no-shows and how many signals were deleted.
     */
    public Uni<Tidied> housekeeping(Instant silentSince, Instant endedBefore) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                update video_call set status = 'ENDED', ended_at = now(), end_reason = 'NO_SHOW', version = version + 1
                where status = 'WAITING' and citizen_seen_at < $1""").execute(Tuple.of(utc(silentSince)))
                .chain(noShows -> connection.preparedQuery("""
                        delete from video_call_signal s using video_call c
                        where s.call_id = c.id and c.status = 'ENDED' and c.ended_at < $1""")
                        .execute(Tuple.of(utc(endedBefore)))
                        .map(deleted -> new Tidied(noShows.rowCount(), deleted.rowCount()))));
    }

    /** What one housekeeping round did. */
    public record Tidied(int noShows, int signalsDeleted) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Uni<Long> count(SqlConnection connection, UUID callId) {
        // serialises the appends of one call, so two at once cannot both pass the bound
        return connection.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of("video-call:" + callId))
                .chain(() -> connection.preparedQuery("select count(*) from video_call_signal where call_id = $1")
                        .execute(Tuple.of(callId)))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
