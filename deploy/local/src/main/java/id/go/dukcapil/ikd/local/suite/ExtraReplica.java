package id.go.dukcapil.ikd.local.suite;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One more instance of a service started by {@link LocalSuite#startExtraReplica}: its own process
 * and HTTP port, everything else shared with the suite's instance. Not supervised: a test that
 * starts it stops it with {@link #close()} (closing the suite does too).
 */
public final class ExtraReplica implements AutoCloseable {

    private final ServiceProcess process;
    private final Consumer<ExtraReplica> onClose;

    ExtraReplica(ServiceProcess process, Consumer<ExtraReplica> onClose) {
        this.process = process;
        this.onClose = onClose;
    }

    /** What a client on this machine calls, e.g. {@code http://localhost:41235}. */
    public String url() {
        return "http://localhost:" + process.port();
    }

    public int port() {
        return process.port();
    }

    public ServiceProcess process() {
        return process;
    }

    /** Stops it gracefully (SIGTERM, then SIGKILL after 30 s); idempotent. */
    @Override
    public void close() {
        onClose.accept(this);
        if (process.isAlive()) {
            process.requestStop();
            process.awaitStop(Duration.ofSeconds(30));
        }
    }
}
