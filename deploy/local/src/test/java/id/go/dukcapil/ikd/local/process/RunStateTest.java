package id.go.dukcapil.ikd.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./ikd up records of a restart is what ./ikd status and ./ikd down read back. */
class RunStateTest {

    @TempDir
    Path dataDir;

    @Test
    void restartsAreRecordedPerServiceAndTheNewProcessToo() {
        RunState state = new RunState(dataDir);
        state.begin();
        long self = ProcessHandle.current().pid();
        Instant at = Instant.parse("2026-12-03T14:30:01Z");

        state.recordRestart(new RunState.Restart("token-service", 1, 137, at), self);
        state.recordRestart(new RunState.Restart("activation-service", 1, 3, at), self);
        state.recordRestart(new RunState.Restart("token-service", 2, 1, at.plusSeconds(5)), self);

        assertThat(state.restarts()).containsExactly(new RunState.Restart("token-service", 2, 1, at.plusSeconds(5)),
                new RunState.Restart("activation-service", 1, 3, at));
        assertThat(state.recorded()).extracting(RecordedProcess::name)
                .contains("token-service", "activation-service");
        state.begin(); // a new ./ikd up starts with no restarts
        assertThat(state.restarts()).isEmpty();
    }
}
