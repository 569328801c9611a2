package id.go.dukcapil.ikd.token.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The signing keys in the database, the one place all replicas agree on. Changes to the set
 * (creation, rotation) run under a transaction-scoped advisory lock, so two replicas never
 * rotate at once.
 */
@ApplicationScoped
public class SigningKeyRepository {

    /** Advisory lock key of key management ("IKDKEYS"). */
    private static final long KEYS_LOCK = 0x494B444B455953L;

    /** A key row as stored: the private key is still sealed. */
    public record StoredKey(String kid, byte[] publicKey, byte[] privateKeySealed, Instant createdAt,
            Instant activeFrom, Instant retiredAt) {
    }

    private final Pool pool;

    public SigningKeyRepository(Pool pool) {
        this.pool = pool;
    }

    /** Keys still published at {@code now}: never retired, or retired after {@code publishedSince}. */
    public Uni<List<StoredKey>> published(Instant publishedSince) {
        return pool.preparedQuery("""
                select kid, public_key, private_key_sealed, created_at, active_from, retired_at from signing_key
                where retired_at is null or retired_at > $1""")
                .execute(Tuple.of(utc(publishedSince)))
                .map(rows -> {
                    List<StoredKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(stored(row)));
                    return keys;
                });
    }

    /** Runs {@code work} in a transaction holding the key-management lock (waits for it). */
    public <T> Uni<T> underLock(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_advisory_xact_lock($1)::text").execute(Tuple.of(KEYS_LOCK))
                .chain(() -> work.apply(connection)));
    }

    public Uni<StoredKey> newest(SqlConnection connection) {
        return connection.query("""
                select kid, public_key, private_key_sealed, created_at, active_from, retired_at from signing_key
                order by active_from desc limit 1""").execute()
                .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
    }

    public Uni<Void> insert(SqlConnection connection, StoredKey key) {
        return connection.preparedQuery("""
                insert into signing_key (kid, public_key, private_key_sealed, created_at, active_from)
                values ($1, $2, $3, $4, $5)""")
                .execute(Tuple.of(key.kid(), Buffer.buffer(key.publicKey()).getDelegate(), Buffer.buffer(key.privateKeySealed()).getDelegate(),
                        utc(key.createdAt()), utc(key.activeFrom())))
                .replaceWithVoid();
    }

    /** Ends the signing period of every key other than {@code successor} at {@code at}. */
    public Uni<Void> retireAllBut(SqlConnection connection, String successor, Instant at) {
        return connection.preparedQuery("""
                update signing_key set retired_at = $2
                where kid <> $1 and (retired_at is null or retired_at > $2)""")
                .execute(Tuple.of(successor, utc(at)))
                .replaceWithVoid();
    }

    /** Deletes a key at once: tokens it signed become UNKNOWN_KEY. */
    public Uni<Boolean> delete(SqlConnection connection, String kid) {
        return connection.preparedQuery("delete from signing_key where kid = $1").execute(Tuple.of(kid))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Deletes keys retired before {@code cutoff}: every token they signed has expired. */
    public Uni<Integer> deleteRetiredBefore(Instant cutoff) {
        return pool.preparedQuery("delete from signing_key where retired_at < $1").execute(Tuple.of(utc(cutoff)))
                .map(rows -> rows.rowCount());
    }

    private static StoredKey stored(Row row) {
        OffsetDateTime retired = row.getOffsetDateTime("retired_at");
        return new StoredKey(row.getString("kid"), row.getBuffer("public_key").getBytes(),
                row.getBuffer("private_key_sealed").getBytes(), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("active_from").toInstant(), retired == null ? null : retired.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
