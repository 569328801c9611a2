package id.go.dukcapil.ikd.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    @TempDir
    Path dataDir;

    @Test
    void recordedProcessesAreFoundAgainAndStopped() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        RunState state = new RunState(dataDir);
        state.begin();
        state.record("registration-service", sleeper.pid());

        List<RecordedProcess> recorded = state.recorded();
        assertThat(recorded).extracting(RecordedProcess::name).containsExactly(RunState.LAUNCHER, "registration-service");
        assertThat(state.runningLauncher()).hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(ProcessHandle.current().pid()));

        int stopped = Processes.stop(recorded.subList(1, 2), Duration.ofSeconds(10));

        assertThat(stopped).isEqualTo(1);
        assertThat(sleeper.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(recorded.get(1).isRunning()).isFalse();
    }

    @Test
    void aRecordIsNotMistakenForALaterProcessWithTheSamePid() {
        RecordedProcess stale = new RecordedProcess("kafka", ProcessHandle.current().pid(), 42L);
        assertThat(stale.isRunning()).isFalse();
        assertThat(Processes.stop(List.of(stale), Duration.ofSeconds(1))).isZero();
    }

    @Test
    void aRecordStillFindsItsProcessAfterTheWallClockWasStepped() {
        RecordedProcess self = RecordedProcess.of("kafka", ProcessHandle.current().pid()).orElseThrow();
        assertThat(self.startTicks()).as("the kernel's start of this process, in ticks since boot").isPositive();
        // the JDK's start instant follows the wall clock: a clock stepped by 5 minutes moves it
        RecordedProcess beforeTheStep = new RecordedProcess("kafka", self.pid(), self.startedAtMillis() - 300_000,
                self.startTicks());
        assertThat(beforeTheStep.isRunning()).isTrue();
        assertThat(new RecordedProcess("kafka", self.pid(), self.startedAtMillis(), self.startTicks() + 1).isRunning())
                .as("another start under the same pid").isFalse();
    }

    @Test
    void recordsAreReadBackWithTheirStartAndOlderRecordsStillParse() {
        RecordedProcess self = RecordedProcess.of("kafka", ProcessHandle.current().pid()).orElseThrow();
        assertThat(RecordedProcess.parse(self.line())).contains(self);
        assertThat(RecordedProcess.parse("kafka " + self.pid() + " " + self.startedAtMillis()))
                .hasValueSatisfying(old -> assertThat(old.isRunning()).isTrue());
    }

    @Test
    void aTakenPortIsReportedWithWhoListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            assertThat(PortCheck.inUse(port)).isTrue();
            // ss or lsof name this very JVM (the tool is there on Linux; without one nothing is claimed)
            PortCheck.listener(port).ifPresent(listener ->
                    assertThat(listener).startsWith("pid " + ProcessHandle.current().pid() + ": "));
        }
    }

    @Test
    void ofTheWantedPortsOnlyTheTakenOnesAreListedOnceWithTheirComponent() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket released = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int free = released.getLocalPort();
            released.close();
            Map<String, Integer> wanted = new LinkedHashMap<>();
            wanted.put("kafka", taken.getLocalPort());
            wanted.put("registration-service", free);
            wanted.put("the gateway", taken.getLocalPort());

            assertThat(PortCheck.taken(wanted)).singleElement().asString()
                    .startsWith("  port " + taken.getLocalPort() + " (for kafka) is used by ");
            assertThat(PortCheck.taken(Map.of("registration-service", free))).isEmpty();
        }
    }
}
