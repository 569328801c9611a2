package id.go.dukcapil.ikd.messaging;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

import id.go.dukcapil.ikd.crypto.AesGcmSealer;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.ProblemException;

/**
 * What a request sent with an {@link IdempotencyKey} answered, so that the same request sent
 * again (the client's retry, or the gateway's after a replica died under it) answers the same
 * without a second effect. A service looks for the answer first ({@link #replay}) and records it
 * in the transaction of the effect ({@link #record}), so the answer exists exactly when the effect
 * does. Rows are found by a digest of the key and answers are sealed (AES-GCM, the operation as
 * associated data) under a key derived from it: only the client that holds the key can have its
 * answer opened, and the table alone gives neither. Kept {@code ikd.messaging.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotentRequests {

    static final String FIND = "select operation, answer from ikd_idempotent_request where key_hash = $1";
    private static final String RECORD_NATIVE = """
            insert into ikd_idempotent_request (key_hash, operation, answer) values (?1, ?2, ?3)""";
    private static final String RECORD_IF_ABSENT = """
            insert into ikd_idempotent_request (key_hash, operation, answer) values ($1, $2, $3)
            on conflict (key_hash) do nothing""";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;
    private final ObjectMapper json;

    public IdempotentRequests(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * The answer an earlier request with this key gave to {@code operation}; empty when there was
     * none (or no key). The same key used for another operation is refused (422). It reads on a
     * connection of its own: call it before the effect's transaction opens, never inside it.
     */
    public <T> Uni<Optional<T>> replay(IdempotencyKey key, String operation, Class<T> answerType) {
        if (!key.isPresent()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery(FIND).execute(Tuple.of(key.lookupHash()))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(open(key, operation, rows.iterator().next(), answerType))
                        : Optional.<T>empty());
    }

    /** The earlier answer to {@code operation} with this key, or else what {@code fresh} answers now. */
    public <T> Uni<T> replayOr(IdempotencyKey key, String operation, Class<T> answerType, Supplier<Uni<T>> fresh) {
        return replay(key, operation, answerType)
                .chain(earlier -> earlier.isPresent() ? Uni.createFrom().item(earlier.get()) : fresh.get());
    }

    /** Records the answer in the current Panache transaction, the one of the effect. */
    public Uni<Void> record(IdempotencyKey key, String operation, Object answer) {
        if (!key.isPresent()) {
            return Uni.createFrom().voidItem();
        }
        byte[] sealed = seal(key, operation, answer);
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_NATIVE)
                .setParameter(1, key.lookupHash())
                .setParameter(2, operation)
                .setParameter(3, sealed)
                .executeUpdate())
                .onFailure(IdempotentRequests::concurrentTwin).transform(ignored -> inUse())
                .replaceWithVoid();
    }

    /**
     * Records the answer on {@code connection}, inside the transaction a group commit holds. A twin
     * with the same key in the same batch keeps its own answer unrecorded instead of failing the
     * batch, which holds other clients' requests.
     */
    public Uni<Void> recordIfAbsent(SqlConnection connection, IdempotencyKey key, String operation, Object answer) {
        if (!key.isPresent()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(RECORD_IF_ABSENT).execute(row(key, operation, answer)).replaceWithVoid();
    }

    /**
     * Records the answer on its own, just after an effect spread over several transactions (a
     * session: the nonce, the app PIN, the refresh token). A replica lost between the effect and
     * this leaves the repeat to meet the effect as any second request would.
     */
    public Uni<Void> recordAfterEffect(IdempotencyKey key, String operation, Object answer) {
        if (!key.isPresent()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(RECORD_IF_ABSENT).execute(row(key, operation, answer)).replaceWithVoid();
    }

    private Tuple row(IdempotencyKey key, String operation, Object answer) {
        return Tuple.of(key.lookupHash(), operation, Buffer.buffer(seal(key, operation, answer)));
    }

    private byte[] seal(IdempotencyKey key, String operation, Object answer) {
        try {
            return sealer(key).seal(operation, json.writeValueAsBytes(answer));
        } catch (IOException e) {
            throw new IllegalStateException("the answer to " + operation + " cannot be written as JSON", e);
        }
    }

    private <T> T open(IdempotencyKey key, String operation, Row row, Class<T> answerType) {
        if (!operation.equals(row.getString("operation"))) {
            throw new ProblemException(CommonProblems.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key ini sudah dipakai untuk permintaan lain; buat kunci acak baru untuk setiap permintaan.",
                    "This Idempotency-Key was used for another request; make a new random key for each request.");
        }
        try {
            return json.readValue(sealer(key).open(operation, row.getBuffer("answer").getBytes()), answerType);
        } catch (IOException e) {
            throw new IllegalStateException("the recorded answer to " + operation + " cannot be read", e);
        }
    }

    private static AesGcmSealer sealer(IdempotencyKey key) {
        return AesGcmSealer.withKey(key.sealingKey(), "the Idempotency-Key");
    }

    /** Two requests with one key at once: the second waits on the key and fails when the first commits. */
    private static boolean concurrentTwin(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException inUse() {
        return new ProblemException(CommonProblems.IDEMPOTENCY_KEY_IN_USE,
                "Permintaan yang sama dengan Idempotency-Key ini baru saja diproses; kirim ulang untuk membaca jawabannya.",
                "The same request with this Idempotency-Key was just processed; send it again to read its answer.");
    }
}
