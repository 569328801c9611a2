package id.go.dukcapil.ikd.local.suite;

import java.time.Duration;

import id.go.dukcapil.ikd.testing.Logs;

/** What the supervisor of a test's suite did, on standard error: the test's output holds it beside a failure. */
final class StderrRestartReport implements Supervisor.Listener {

    @Override
    public void exited(ServiceProcess process, ServiceProcess.Exit exit, Duration restartIn) {
        System.err.printf("⚠ %s exited with code %d after %s; restarting in %s. Last lines of its log:%n%s",
                process.name(), exit.code(), exit.uptime(), restartIn, Logs.tail(process.log(), 30).indent(4));
    }

    @Override
    public void restarted(ServiceProcess process) {
        System.err.printf("↻ %s restarted (restart %d)%n", process.name(), process.restarts());
    }

    @Override
    public void readyAgain(ServiceProcess process) {
        System.err.printf("✓ %s ready again%n", process.name());
    }

    @Override
    public void notLive(ServiceProcess process, int failures) {
        System.err.printf("⚠ %s liveness DOWN %d times in a row: stopping it to restart it%n", process.name(), failures);
    }
}
