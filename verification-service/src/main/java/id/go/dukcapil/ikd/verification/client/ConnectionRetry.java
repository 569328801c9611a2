package id.go.dukcapil.ikd.verification.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;

/**
 * The one retry of the service-to-service calls: an idempotent read whose connection was
 * refused, reset or closed before any answer is sent once more after a short jittered pause
 * (Mutiny's backoff), so that a replica dying or restarting behind the Service/gateway costs the
 * caller nothing. An answer (any status) and a timeout are not retried: a timeout may be a slow
 * answer, and the callers' own patience covers both attempts. SmallRye Fault Tolerance is not in
 * this build, and the REST client has no retry of its own; this is the mechanism for every
 * client of this package.
 */
public final class ConnectionRetry {

    static final Duration PAUSE = Duration.ofMillis(100);
    static final Duration MAX_PAUSE = Duration.ofMillis(300);
    /** Up to half the pause added at random, so that callers that failed together do not come back together. */
    static final double JITTER = 0.5;

    private ConnectionRetry() {
    }

    /** {@code call} (a fresh request on each subscription), retried once on a connection failure. */
    public static <T> Uni<T> idempotentRead(Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(call)
                .onFailure(ConnectionRetry::isConnectionFailure).retry()
                .withBackOff(PAUSE, MAX_PAUSE).withJitter(JITTER).atMost(1);
    }

    /** Refused, reset or closed before an answer, wherever in the cause chain the REST client put it. */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return false;
            }
            // ConnectException (refused), Netty's "connection reset", ClosedChannelException are IOExceptions
            if (cause instanceof IOException || cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }
}
