package id.go.dukcapil.ikd.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.go.dukcapil.ikd.local.process.RecordedProcess;
import id.go.dukcapil.ikd.local.process.RunState;
import id.go.dukcapil.ikd.local.suite.RestartPolicy;
import id.go.dukcapil.ikd.local.suite.ServiceJvm;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.StandInService;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.local.suite.Supervisor;
import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * What {@code ./ikd up} started is stopped once, with its records cleared; a service that a
 * stop overtook (started while a shutdown hook stopped the suite) is stopped too, never left behind.
 */
class SuiteProcessesTest {

    @TempDir
    Path temp;

    @Test
    void theStopEndsEveryServiceOnceAndOneStartedAfterItIsNotLeftRunning() {
        RunState state = new RunState(temp);
        state.begin();
        SuiteProcesses processes = new SuiteProcesses(state, new Supervisor(RestartPolicy.STANDARD,
                new RestartReport(temp, state)));
        ServiceProcess started = standIn();
        processes.service(started);
        assertThat(processes.services()).containsExactly(started);
        assertThat(state.recorded()).extracting(RecordedProcess::name).contains(started.name());

        processes.stopAll();

        assertThat(started.isAlive()).isFalse();
        assertThat(processes.supervise()).as("nothing is supervised once stopped").isFalse();
        assertThat(state.recorded()).isEmpty();

        ServiceProcess late = standIn();
        processes.service(late);
        assertThat(late.isAlive()).isFalse();
        assertThat(processes.services()).containsExactly(started);
        processes.stopAll(); // idempotent
    }

    private ServiceProcess standIn() {
        int port = FreePorts.next();
        return ServiceProcess.start(SuiteService.NOTIFICATION, port,
                List.of(ServiceJvm.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                        StandInService.class.getName()),
                temp, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)), temp.resolve("logs-" + port));
    }
}
