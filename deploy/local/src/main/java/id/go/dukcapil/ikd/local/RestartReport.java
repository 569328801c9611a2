package id.go.dukcapil.ikd.local;

import java.nio.file.Path;
import java.time.Duration;

import id.go.dukcapil.ikd.local.process.RunState;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.Supervisor;
import id.go.dukcapil.ikd.testing.Logs;

/** What the supervisor did, in the terminal and in {@code .ikd/restarts} for {@code ./ikd status}. */
final class RestartReport implements Supervisor.Listener {

    private final Path root;
    private final RunState state;

    RestartReport(Path root, RunState state) {
        this.root = root;
        this.state = state;
    }

    @Override
    public void exited(ServiceProcess process, ServiceProcess.Exit exit, Duration restartIn) {
        System.err.printf("⚠ %s berhenti / stopped unexpectedly (exit code %d%s) after %s; dimulai ulang dalam /"
                + " restarting in %s. Last lines of %s:%n%s", process.name(), exit.code(),
                exit.code() == 137 ? ", SIGKILL" : "", Banner.seconds(exit.uptime()), Banner.seconds(restartIn),
                root.relativize(process.log()), Logs.tail(process.log(), 15).indent(4));
    }

    @Override
    public void restarted(ServiceProcess process) {
        ServiceProcess.Exit last = process.exits().getLast();
        state.recordRestart(new RunState.Restart(process.name(), process.restarts(), last.code(), last.at()),
                process.pid());
        System.out.printf("↻ %s dimulai ulang / restarted (restart %d, pid %d)%n", process.name(),
                process.restarts(), process.pid());
    }

    @Override
    public void readyAgain(ServiceProcess process) {
        System.out.printf("✓ %s siap lagi / ready again in %s after restart %d%n", process.name(),
                Banner.seconds(process.sinceStart()), process.restarts());
    }

    @Override
    public void notLive(ServiceProcess process, int failures) {
        System.err.printf("⚠ %s menyatakan dirinya rusak (/q/health/live DOWN %d kali berturut-turut) dan dihentikan"
                + " untuk dimulai ulang / says it is broken (/q/health/live DOWN %d times in a row) and is stopped"
                + " to be restarted%n", process.name(), failures, failures);
    }
}
