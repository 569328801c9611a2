package id.go.dukcapil.ikd.local.suite;

import java.time.Duration;
import java.time.Instant;

import id.go.dukcapil.ikd.testing.Logs;

/** Waiting for a service process to answer {@code /q/health/ready}, and what its exit meanwhile means. */
final class ReadinessWait {

    private static final Duration POLL = Duration.ofMillis(500);

    /** What an exit during the wait means. */
    enum OnExit {
        /** The start failed: stop waiting. */
        FAIL,
        /** The supervisor restarts it: go on waiting. */
        WAIT,
        /** Nobody restarts it (the supervisor is paused): start it again here. */
        RESTART
    }

    private ReadinessWait() {
    }

    /**
     * Returns once {@code process} is ready; fails at {@code deadline} ({@code timeout} after the wait
     * began, for the message) with the last lines of its log.
     */
    static void await(ServiceProcess process, Instant deadline, Duration timeout, OnExit onExit) {
        while (!process.isAlive() || !process.isReady()) {
            boolean alive = process.isAlive();
            if (Instant.now().isAfter(deadline) || (!alive && onExit == OnExit.FAIL)) {
                throw new IllegalStateException(process.name() + " did not become ready"
                        + (alive ? " within " + timeout.toSeconds() + " s" : " (it exited)") + ", restarts: "
                        + process.restarts() + "; last lines of " + process.log() + ":\n" + Logs.tail(process.log(), 40));
            }
            if (!alive && onExit == OnExit.RESTART) {
                process.restart();
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
