package id.go.dukcapil.ikd.local.suite;

import java.time.Duration;

import id.go.dukcapil.ikd.web.Backoff;

/**
 * When a service that died is started again: after {@code first}, doubling with every crash in a
 * row up to {@code max} (1 s, 2 s, 4 s … 30 s), so that a service failing at start does not spin;
 * a service that had stayed up for {@code stableAfter} starts the count afresh. Kubernetes'
 * CrashLoopBackOff does the same (10 s doubling to 5 min); locally the first retry is quicker.
 */
public record RestartPolicy(Duration first, Duration max, Duration stableAfter) {

    public static final RestartPolicy STANDARD = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(120));

    /** The wait before restart number {@code crashesInARow} (1 for the first crash after a stable run). */
    public Duration delay(int crashesInARow) {
        return new Backoff(first, max).delay(crashesInARow);
    }

    /** The crash count after a process that ran for {@code uptime} died, {@code previous} being the count before. */
    public int crashesInARow(int previous, Duration uptime) {
        return uptime.compareTo(stableAfter) >= 0 ? 1 : previous + 1;
    }
}
