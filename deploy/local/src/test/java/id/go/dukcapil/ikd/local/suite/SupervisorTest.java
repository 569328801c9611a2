package id.go.dukcapil.ikd.local.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * A service process that dies is started again with backoff, by the launcher's own code
 * ({@link ServiceProcess}, {@link Supervisor}): a stand-in service in a process of its own is
 * SIGKILLed and comes back, ready, with its exit and restart counted.
 */
class SupervisorTest {

    @TempDir
    Path temp;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;
    private ServiceProcess process;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (process != null) {
            process.requestStop();
            process.awaitStop(Duration.ofSeconds(10));
        }
    }

    @Test
    void aKilledServiceIsRestartedWithBackoffAndIsReadyAgain() {
        int port = FreePorts.next();
        process = ServiceProcess.start(SuiteService.NOTIFICATION, port,
                List.of(ServiceJvm.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                        StandInService.class.getName()),
                temp, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)), temp.resolve("logs"));
        await().atMost(Duration.ofSeconds(30)).until(process::isReady);
        supervisor = new Supervisor(new RestartPolicy(Duration.ofMillis(300), Duration.ofMillis(1000),
                Duration.ofSeconds(60)), recording());
        supervisor.add(process);
        supervisor.watch(Duration.ofMillis(50));
        long firstPid = process.pid();

        process.kill(); // SIGKILL, as the OOM killer or a crash would end it

        await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("ready-again"));
        assertThat(process.isAlive()).isTrue();
        assertThat(process.isReady()).isTrue();
        assertThat(process.pid()).isNotEqualTo(firstPid);
        assertThat(process.restarts()).isEqualTo(1);
        assertThat(process.exits()).singleElement().satisfies(exit -> assertThat(exit.code()).isEqualTo(137));
        assertThat(events).containsExactly("exited 137", "restarted", "ready-again");

        // crashes in a row wait longer each time, up to the cap
        process.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> process.restarts() == 2 && process.isReady());
        process.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> process.restarts() == 3 && process.isReady());
        process.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> process.restarts() == 4 && process.isReady());
        assertThat(delays).containsExactly(Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofMillis(1000),
                Duration.ofMillis(1000));
        assertThat(process.exits()).hasSize(4).allSatisfy(exit -> assertThat(exit.code()).isEqualTo(137));
    }

    @Test
    void aServiceWhoseLivenessSaysDownIsStoppedAndRestarted() throws Exception {
        int port = FreePorts.next();
        Path broken = temp.resolve("broken");
        process = ServiceProcess.start(SuiteService.ACTIVATION, port,
                List.of(ServiceJvm.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                        StandInService.class.getName()),
                temp, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port), "STAND_IN_BROKEN_WHILE", broken.toString()),
                temp.resolve("logs"));
        await().atMost(Duration.ofSeconds(30)).until(process::isReady);
        supervisor = new Supervisor(new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofSeconds(60)), new LivenessProbe(Duration.ofMillis(100), 3, Duration.ofSeconds(10)),
                recording(() -> java.nio.file.Files.deleteIfExists(broken)));
        supervisor.add(process);
        supervisor.watch(Duration.ofMillis(20));
        long firstPid = process.pid();
        Thread.sleep(500);
        assertThat(events).as("a live service is left alone").isEmpty();

        java.nio.file.Files.createFile(broken); // its liveness answers 503 from now on

        await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("ready-again"));
        assertThat(events).containsExactly("not-live 3", "exited 143", "restarted", "ready-again");
        assertThat(process.pid()).isNotEqualTo(firstPid);
        assertThat(process.restarts()).isEqualTo(1);
        assertThat(process.liveness()).isEqualTo(200);
    }

    @Test
    void noRestartOnceClosed() throws Exception {
        int port = FreePorts.next();
        process = ServiceProcess.start(SuiteService.TOKEN, port,
                List.of(ServiceJvm.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                        StandInService.class.getName()),
                temp, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)), temp.resolve("logs"));
        await().atMost(Duration.ofSeconds(30)).until(process::isReady);
        supervisor = new Supervisor(new RestartPolicy(Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofSeconds(60)), recording());
        supervisor.add(process);
        supervisor.watch(Duration.ofMillis(20));
        supervisor.close();

        process.kill();
        Thread.sleep(500);

        assertThat(process.isAlive()).isFalse();
        assertThat(process.restarts()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void backoffDoublesToItsCapAndStartsAfreshAfterAStableRun() {
        RestartPolicy policy = RestartPolicy.STANDARD;
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 40).stream().map(policy::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(policy.crashesInARow(5, Duration.ofSeconds(3))).isEqualTo(6);
        assertThat(policy.crashesInARow(5, Duration.ofMinutes(2))).isEqualTo(1);
    }

    private Supervisor.Listener recording() {
        return recording(() -> {
        });
    }

    /** Records what the supervisor did; {@code onNotLive} runs when it stops a service for its liveness. */
    private Supervisor.Listener recording(NotLiveAction onNotLive) {
        return new Supervisor.Listener() {
            @Override
            public void notLive(ServiceProcess process, int failures) {
                events.add("not-live " + failures);
                try {
                    onNotLive.run();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void exited(ServiceProcess process, ServiceProcess.Exit exit, Duration restartIn) {
                events.add("exited " + exit.code());
                delays.add(restartIn);
            }

            @Override
            public void restarted(ServiceProcess process) {
                events.add("restarted");
            }

            @Override
            public void readyAgain(ServiceProcess process) {
                events.add("ready-again");
            }
        };
    }

    private interface NotLiveAction {
        void run() throws java.io.IOException;
    }
}
