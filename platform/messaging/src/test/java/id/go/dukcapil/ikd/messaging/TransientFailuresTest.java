package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;

/**
 * The shapes in which a database crash reached a request in the fault campaign (issue 16): they
 * are an outage (503 with Retry-After, events retried), not a bug (500, dead letter).
 */
class TransientFailuresTest {

    @Test
    void aConnectionThePostgresCrashCutIsTransientAlsoInsideACompositeFailure() {
        NoStackTraceThrowable cut = new NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
        assertThat(TransientFailures.isTransient(cut)).isTrue();
        // Hibernate Reactive's failed begin plus its failed rollback, as Mutiny combines them
        CompositeException both = new CompositeException(cut,
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"));
        assertThat(TransientFailures.isTransient(both)).isTrue();
    }

    @Test
    void anOutageAnywhereInACompositeOrAmongSuppressedFailuresIsTransient() {
        NoStackTraceThrowable cut = new NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
        // the composite's getCause() is its first member only: here a bug-looking one
        assertThat(TransientFailures.isTransient(new CompositeException(new IllegalStateException("rollback failed"), cut)))
                .isTrue();
        IllegalStateException withSuppressed = new IllegalStateException("commit failed");
        withSuppressed.addSuppressed(new java.net.SocketException("Connection reset"));
        assertThat(TransientFailures.isTransient(withSuppressed)).isTrue();
    }

    @Test
    void aConnectionResetOrAnUnansweredCommitIsTransientWhateverWrapsIt() {
        // Netty's native transport reports a reset as a plain IOException subclass
        java.io.IOException reset = new java.io.IOException("recvAddress(..) failed: Connection reset by peer");
        assertThat(TransientFailures.isTransient(new java.util.concurrent.CompletionException(reset))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new io.vertx.core.VertxException(
                "Failed to read any response from the server, the underlying connection may have been lost unexpectedly."))))
                .isTrue();
    }

    @Test
    void aBugIsNotTransient() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("Result is already complete"))).isFalse();
        assertThat(TransientFailures.isTransient(new CompositeException(new IllegalArgumentException("bad"),
                new NullPointerException()))).isFalse();
        // a malformed event is the event's fault: Jackson's exceptions are IOExceptions, yet never an outage
        assertThat(TransientFailures.isTransient(new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character")))
                .isFalse();
    }
}
