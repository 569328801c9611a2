package id.go.dukcapil.ikd.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.process.RunState;

/** ./ikd status says how often a service was restarted, its last exit code and when. */
class StatusTest {

    @Test
    void aRestartedServiceShowsItsRestartsAndLastExit() {
        String line = Status.restarted(new RunState.Restart("activation-service", 2, 137, Instant.now()));
        assertThat(line).contains("restarted 2×").contains("last exit code 137, SIGKILL").contains(" at ");
        assertThat(Status.restarted(null)).isEmpty();
    }
}
