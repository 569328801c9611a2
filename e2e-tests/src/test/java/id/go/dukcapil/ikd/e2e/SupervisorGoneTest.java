package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.suite.ExtraReplica;
import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * A packaged service whose launcher is gone stops by itself: a launcher (./ikd up, a test run,
 * the fault campaign) killed with SIGKILL runs no shutdown hook, and its services used to keep
 * running, holding ports and memory. Here a stand-in launcher process is killed the same way.
 */
class SupervisorGoneTest {

    @Test
    void aServiceStopsByItselfOnceTheProcessThatStartedItIsKilled() throws IOException {
        Suite suite = Suite.shared();
        Process launcher = new ProcessBuilder("sleep", "600").start();
        try (ExtraReplica replica = suite.local().startExtraReplica(SuiteService.TOKEN, Duration.ofSeconds(180),
                Map.of("IKD_SUPERVISOR_PID", Long.toString(launcher.pid())))) {
            assertThat(replica.process().isReady()).isTrue();

            launcher.destroyForcibly(); // SIGKILL

            await().atMost(Duration.ofSeconds(40)).until(() -> !replica.process().isAlive());
            assertThat(Files.readString(replica.process().log(), StandardCharsets.UTF_8))
                    .contains("the process that started this service (pid " + launcher.pid() + ") is gone: stopping");
        } finally {
            launcher.destroyForcibly();
        }
    }
}
