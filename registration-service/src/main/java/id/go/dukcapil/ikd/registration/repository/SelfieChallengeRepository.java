package id.go.dukcapil.ikd.registration.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.domain.SelfieChallenge;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The moving selfie's challenges: stored when issued, taken once. Each statement commits on its own. */
@ApplicationScoped
public class SelfieChallengeRepository {

    /** A challenge as it was when taken: {@code usedBefore} is when an earlier submission took it, if one did. */
    public record Taken(SelfieChallenge challenge, Optional<Instant> usedBefore) {
    }

    /*
     * Takes the row under its lock and returns it as it was before: of two submissions at once, the
     * second waits for the first, then reads the used_at the first set (READ COMMITTED re-reads a
     * locked row), so exactly one finds it unused.
     */
    private static final String TAKE = """
            with c as (select id, moves, issued_at, expires_at, used_at from selfie_challenge where id = $1 for update)
            update selfie_challenge s set used_at = coalesce(c.used_at, $2) from c where s.id = c.id
            returning c.moves, c.issued_at, c.expires_at, c.used_at""";

    private final Pool pool;

    public SelfieChallengeRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(SelfieChallenge challenge) {
        return pool.preparedQuery("insert into selfie_challenge (id, moves, issued_at, expires_at) values ($1, $2, $3, $4)")
                .execute(Tuple.of(challenge.id(), challenge.movesColumn(), utc(challenge.issuedAt()),
                        utc(challenge.expiresAt())))
                .replaceWithVoid();
    }

    /** The challenge as it is now, without taking it; empty for an unknown id. */
    public Uni<Optional<Taken>> find(UUID id) {
        return pool.preparedQuery("select moves, issued_at, expires_at, used_at from selfie_challenge where id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(taken(id, rows.iterator().next())));
    }

    /** Marks the challenge used (if it was not) and returns it as it was; empty for an unknown id. */
    public Uni<Optional<Taken>> take(UUID id, Instant now) {
        return pool.preparedQuery(TAKE).execute(Tuple.of(id, utc(now))).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            return Optional.of(taken(id, rows.iterator().next()));
        });
    }

    private static Taken taken(UUID id, Row row) {
        SelfieChallenge challenge = new SelfieChallenge(id, SelfieChallenge.movesOf(row.getString("moves")),
                row.getOffsetDateTime("issued_at").toInstant(), row.getOffsetDateTime("expires_at").toInstant());
        OffsetDateTime used = row.getOffsetDateTime("used_at");
        return new Taken(challenge, Optional.ofNullable(used).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
