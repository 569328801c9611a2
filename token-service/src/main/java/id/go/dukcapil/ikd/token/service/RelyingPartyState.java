package id.go.dukcapil.ikd.token.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Whether a relying party may still verify, checked on every request with its access token: a
 * verifier JWT lives an hour, and disabling the client must end it at once. The database is the
 * one truth across replicas; each replica remembers what it read for
 * {@code ikd.token.relying-parties.state-max-age} (1 s) so that a busy client costs one primary-key
 * read a second, not one a request, and forgets it at once when it disables the client itself.
 * The map holds only client ids of suite-signed tokens, so it is as small as the list of clients.
 */
@ApplicationScoped
public class RelyingPartyState {

    private record Known(boolean enabled, long readAtNanos) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Pool pool;
    private final long maxAgeNanos;

    public RelyingPartyState(Pool pool, TokenConfig config) {
        this.pool = pool;
        this.maxAgeNanos = config.relyingParties().stateMaxAge().toNanos();
    }

    /** Completes when the client exists and is enabled; fails with RELYING_PARTY_DISABLED otherwise. */
    public Uni<Void> requireEnabled(String clientId) {
        long now = System.nanoTime();
        Known last = clientId == null ? null : known.get(clientId);
        if (last != null && now - last.readAtNanos() < maxAgeNanos) {
            return last.enabled() ? Uni.createFrom().voidItem() : Uni.createFrom().failure(disabled());
        }
        if (clientId == null) {
            return Uni.createFrom().failure(disabled());
        }
        return pool.preparedQuery("select enabled from relying_party where client_id = $1")
                .execute(Tuple.of(clientId))
                .map(rows -> {
                    RowIterator<Row> row = rows.iterator();
                    boolean enabled = row.hasNext() && row.next().getBoolean(0);
                    known.put(clientId, new Known(enabled, now));
                    if (!enabled) {
                        throw disabled();
                    }
                    return null;
                });
    }

    /** Drops what this replica remembers of the client: called after its state changed and committed. */
    public void forget(String clientId) {
        known.remove(clientId);
    }

    private static ProblemException disabled() {
        return new ProblemException(TokenProblems.RELYING_PARTY_DISABLED,
                "Klien ini dinonaktifkan atau tidak terdaftar; tokennya tidak berlaku lagi.",
                "This client is disabled or not registered; its tokens are no longer valid.");
    }
}
