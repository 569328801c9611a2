package id.go.dukcapil.ikd.token.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Read-your-writes after activation. activation-service issues a PIN proof only for an active
 * identity, and each identity has its own subject; so a valid proof whose subject the projection
 * does not know yet means the IdentityActivated event is still on its way from Kafka. The mint
 * then waits for it, polling the projection (shared by every replica, whichever consumes the
 * event) with timers, never blocking a thread, for at most {@code ikd.token.projection-wait}.
 * A subject the projection knows (active or revoked) is answered at once.
 */
@ApplicationScoped
public class ProjectionWait {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Pool pool;
    private final Duration limit;

    public ProjectionWait(Pool pool, TokenConfig config) {
        this.pool = pool;
        this.limit = config.projectionWait();
    }

    /** True once the projection has a row of {@code subject}; false when it has none after the wait. */
    public Uni<Boolean> awaitSubject(String subject) {
        if (limit.isZero() || limit.isNegative()) {
            return known(subject);
        }
        return poll(subject, System.nanoTime() + limit.toNanos(), io.vertx.core.Vertx.currentContext());
    }

    private Uni<Boolean> poll(String subject, long deadline, Context context) {
        return known(subject).chain(known -> {
            if (known || System.nanoTime() + POLL.toNanos() > deadline) {
                return Uni.createFrom().item(known);
            }
            return delay(context).chain(() -> poll(subject, deadline, context));
        });
    }

    /** A timer on the caller's Vert.x context, so the rest of the mint continues where it started. */
    private static Uni<Void> delay(Context context) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(POLL);
        }
        return Uni.createFrom().emitter(emitter -> context.runOnContext(
                ignored -> context.owner().setTimer(POLL.toMillis(), id -> emitter.complete(null))));
    }

    private Uni<Boolean> known(String subject) {
        return pool.preparedQuery("select 1 from identity where subject = $1 limit 1").execute(Tuple.of(subject))
                .map(rows -> rows.size() > 0);
    }
}
