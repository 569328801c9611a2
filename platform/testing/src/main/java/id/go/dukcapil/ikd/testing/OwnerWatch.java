package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops a PostgreSQL server once the process that started it is gone. pg_ctl detaches the server,
 * so a launcher or test JVM killed with SIGKILL (no shutdown hook runs) used to leave it running,
 * holding its port, memory and data folder. Kafka brokers watch their parent themselves
 * (BrokerMain) and services do (SupervisorWatch); PostgreSQL cannot, so a small shell loop does:
 * it polls the owner every second and then asks the postmaster named in {@code postmaster.pid}
 * for a fast shutdown (SIGINT), only if that process is still a postgres (pids are reused). A
 * server already stopped leaves no pid file, and the loop ends without effect.
 */
final class OwnerWatch {

    private static final String SCRIPT = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            pid=$(head -n 1 "$2/postmaster.pid" 2>/dev/null) || exit 0
            [ -n "$pid" ] && [ "$(ps -p "$pid" -o comm= 2>/dev/null)" = postgres ] && kill -INT "$pid"
            exit 0
            """;

    private final Process loop;

    private OwnerWatch(Process loop) {
        this.loop = loop;
    }

    /** The watch, or none where there is no POSIX shell (Windows: the server outlives a killed owner). */
    static OwnerWatch start(long ownerPid, Path dataDir) {
        try {
            return new OwnerWatch(new ProcessBuilder("sh", "-c", SCRIPT, "ikd-postgres-watch", Long.toString(ownerPid),
                    dataDir.toAbsolutePath().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException noShell) {
            return new OwnerWatch(null);
        }
    }

    /** Ends the loop once the server was stopped cleanly: a stopped suite leaves no process behind. */
    void stop() {
        if (loop == null) {
            return;
        }
        loop.destroy();
        try {
            loop.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
