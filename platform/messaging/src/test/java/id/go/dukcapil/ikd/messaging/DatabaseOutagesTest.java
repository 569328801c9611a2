package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;

/** What a request's failure is answered with: 503 for an outage or a stopping service, 500 for a bug. */
class DatabaseOutagesTest {

    @Test
    void aFailureOfAStoppingServiceIsAnOutageNotABug() {
        ShutdownSignal shutdown = new ShutdownSignal();
        DatabaseOutages outages = new DatabaseOutages(shutdown);
        // what a decision in flight met when the service stopped under it (fault campaign, offsets-reset round)
        IllegalStateException closed = new IllegalStateException("HHH000026: SessionFactory is closed");

        assertThat(outages.isOutage(closed)).as("running: a bug").isFalse();
        shutdown.onShutdown(new ShutdownEvent());
        assertThat(outages.isOutage(closed)).as("stopping: the client tries again").isTrue();
    }
}
