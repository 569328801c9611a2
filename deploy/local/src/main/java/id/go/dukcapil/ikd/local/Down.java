package id.go.dukcapil.ikd.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import id.go.dukcapil.ikd.local.IkdLauncher.LauncherException;
import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.process.Processes;
import id.go.dukcapil.ikd.local.process.RecordedProcess;
import id.go.dukcapil.ikd.local.process.RunState;

/**
 * {@code ./ikd down}: asks the running {@code ./ikd up} to stop (SIGTERM: it stops its services,
 * Kafka, then PostgreSQL), then makes sure that nothing it recorded is left, including processes
 * of an {@code ./ikd up} that was killed hard.
 */
final class Down {

    /** Services 30 s each in parallel, then the broker and PostgreSQL: generous. */
    private static final Duration LAUNCHER_STOP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(20);

    private final Path dataDir;
    private final RunState state;

    Down(Path dataDir) {
        this.dataDir = dataDir;
        this.state = new RunState(dataDir);
    }

    int run() {
        List<RecordedProcess> recorded = state.recorded();
        Optional<RecordedProcess> launcher = state.runningLauncher();
        if (launcher.isPresent()) {
            System.out.println("Menghentikan / Stopping ./ikd up (pid " + launcher.get().pid() + ")…");
            stopLauncher(launcher.get());
        }
        int leftovers = stopLeftovers(dataDir, state);
        if (leftovers > 0) {
            System.out.println("Stopped " + leftovers + " process(es) that were left running.");
        }
        List<RecordedProcess> stillRunning = new ArrayList<>(recorded.stream().filter(RecordedProcess::isRunning).toList());
        postmaster(dataDir).filter(RecordedProcess::isRunning).ifPresent(stillRunning::add);
        if (!stillRunning.isEmpty()) {
            throw new LauncherException("Masih berjalan / still running: " + stillRunning.stream()
                    .map(p -> p.name() + " (pid " + p.pid() + ")").toList());
        }
        if (launcher.isEmpty() && leftovers == 0) {
            System.out.println("./ikd up tidak berjalan / is not running.");
        } else {
            System.out.println("✓ Semua berhenti / Everything stopped; no process left.");
        }
        return 0;
    }

    private static void stopLauncher(RecordedProcess launcher) {
        launcher.handle().ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(LAUNCHER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception notInTime) {
                System.err.println("⚠ ./ikd up did not stop within " + LAUNCHER_STOP_TIMEOUT.toSeconds()
                        + " s; stopping its processes directly.");
                process.destroyForcibly();
            }
        });
    }

    /**
     * Stops what an earlier {@code ./ikd up} started and left behind (it was killed, or it is
     * being stopped): services first, then Kafka, then PostgreSQL. Returns how many ran.
     */
    static int stopLeftovers(Path dataDir, RunState state) {
        List<RecordedProcess> recorded = state.recorded().stream()
                .filter(process -> !process.name().equals(RunState.LAUNCHER))
                .filter(RecordedProcess::isRunning)
                .toList();
        List<RecordedProcess> services = recorded.stream()
                .filter(p -> !p.name().equals("kafka") && !p.name().equals("postgres")).toList();
        List<RecordedProcess> kafka = recorded.stream().filter(p -> p.name().equals("kafka")).toList();
        List<RecordedProcess> postgres = new ArrayList<>(recorded.stream().filter(p -> p.name().equals("postgres")).toList());
        postmaster(dataDir).filter(RecordedProcess::isRunning)
                .filter(p -> postgres.stream().noneMatch(known -> known.pid() == p.pid()))
                .ifPresent(postgres::add);
        int stopped = Processes.stop(services, LEFTOVER_GRACE)
                + Processes.stop(kafka, LEFTOVER_GRACE)
                + Processes.stop(postgres, LEFTOVER_GRACE);
        if (state.runningLauncher().isEmpty()) {
            state.clear();
        }
        return stopped;
    }

    /** A PostgreSQL server still running on the suite's data (its postmaster.pid names it). */
    private static Optional<RecordedProcess> postmaster(Path dataDir) {
        return LocalInfrastructure.postmasterPid(LocalInfrastructure.postgresDir(dataDir)).stream().boxed()
                .findFirst()
                .flatMap(pid -> RecordedProcess.of("postgres", pid))
                .filter(process -> ProcessHandle.of(process.pid())
                        .flatMap(handle -> handle.info().command())
                        .map(command -> command.contains("postgres"))
                        .orElse(false));
    }
}
