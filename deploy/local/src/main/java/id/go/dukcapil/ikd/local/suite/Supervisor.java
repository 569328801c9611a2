package id.go.dukcapil.ikd.local.suite;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Restarts the services that die, with backoff ({@link RestartPolicy}), and ends those that run
 * but say they are broken ({@link LivenessProbe}) so that they are restarted too; it tells a
 * {@link Listener} what happened, so that {@code ./ikd up} prints it and {@code ./ikd status}
 * shows it. Kubernetes does the same for the pods. {@link #check()} is called periodically by
 * its owner (the launcher's foreground loop), or by a thread of its own ({@link #watch(Duration)}).
 */
public final class Supervisor implements AutoCloseable {

    /** What the supervisor saw and did; called on the checking thread. */
    public interface Listener {
        void exited(ServiceProcess process, ServiceProcess.Exit exit, Duration restartIn);

        void restarted(ServiceProcess process);

        void readyAgain(ServiceProcess process);

        /** Its liveness answered DOWN {@code failures} times in a row: it is being stopped, then restarted. */
        default void notLive(ServiceProcess process, int failures) {
        }

        Listener SILENT = new Listener() {
            @Override
            public void exited(ServiceProcess process, ServiceProcess.Exit exit, Duration restartIn) {
            }

            @Override
            public void restarted(ServiceProcess process) {
            }

            @Override
            public void readyAgain(ServiceProcess process) {
            }
        };
    }

    private static final class Watch {
        int crashesInARow;
        long restartAtNanos = -1;
        boolean awaitingReady;
        /** Liveness is judged only once the process has been ready (Kubernetes: after the startup probe). */
        boolean readySinceStart;
        int liveFailures;
        long nextProbeNanos;
        long stopRequestedNanos = -1;
    }

    private final RestartPolicy policy;
    private final LivenessProbe liveness;
    private final Listener listener;
    private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<ServiceProcess, Watch> watches = new HashMap<>(); // guarded by this
    private volatile boolean stopped;
    private boolean paused; // guarded by this
    private Thread watcher;

    public Supervisor(RestartPolicy policy, Listener listener) {
        this(policy, LivenessProbe.STANDARD, listener);
    }

    public Supervisor(RestartPolicy policy, LivenessProbe liveness, Listener listener) {
        this.policy = policy;
        this.liveness = liveness;
        this.listener = listener;
    }

    public synchronized void add(ServiceProcess process) {
        processes.add(process);
        Watch watch = new Watch();
        watch.nextProbeNanos = System.nanoTime();
        watches.put(process, watch);
    }

    public List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    /** One round: notes exits, restarts those whose backoff is over, reports restarted ones once ready. */
    public synchronized void check() {
        if (stopped || paused) {
            return;
        }
        long now = System.nanoTime();
        for (ServiceProcess process : processes) {
            Watch watch = watches.get(process);
            if (watch.restartAtNanos >= 0) {
                if (now - watch.restartAtNanos >= 0) {
                    try {
                        process.restart();
                    } catch (RuntimeException e) {
                        // could not even start (e.g. the jar is gone): try again later, as after a crash
                        watch.crashesInARow++;
                        watch.restartAtNanos = now + policy.delay(watch.crashesInARow).toNanos();
                        System.err.println("⚠ " + process.service().module() + " could not be restarted: " + e.getMessage());
                        continue;
                    }
                    watch.restartAtNanos = -1;
                    watch.awaitingReady = true;
                    listener.restarted(process);
                }
            } else if (!process.isAlive()) {
                ServiceProcess.Exit exit = process.noteExit().orElseThrow();
                watch.crashesInARow = policy.crashesInARow(watch.crashesInARow, exit.uptime());
                watch.awaitingReady = false;
                watch.readySinceStart = false;
                watch.liveFailures = 0;
                watch.stopRequestedNanos = -1;
                Duration delay = policy.delay(watch.crashesInARow);
                watch.restartAtNanos = now + delay.toNanos();
                listener.exited(process, exit, delay);
            } else if (watch.awaitingReady && process.isReady()) {
                watch.awaitingReady = false;
                watch.readySinceStart = true;
                listener.readyAgain(process);
            } else if (!watch.awaitingReady) { // a restarted one is asked for readiness above, once a check
                probe(process, watch, now);
            }
        }
    }

    /** Every probe period: a running process whose liveness says DOWN often enough is stopped, then killed after the grace. */
    private void probe(ServiceProcess process, Watch watch, long now) {
        if (watch.stopRequestedNanos >= 0) {
            if (now - watch.stopRequestedNanos >= liveness.grace().toNanos()) {
                process.kill();
            }
            return;
        }
        if (now - watch.nextProbeNanos < 0) {
            return;
        }
        watch.nextProbeNanos = now + liveness.period().toNanos();
        if (!watch.readySinceStart) {
            watch.readySinceStart = process.isReady();
            return;
        }
        watch.liveFailures = LivenessProbe.failed(process.liveness()) ? watch.liveFailures + 1 : 0;
        if (watch.liveFailures >= liveness.failureThreshold()) {
            listener.notLive(process, watch.liveFailures);
            process.requestStop();
            watch.stopRequestedNanos = now;
        }
    }

    /** No restarts until {@link #resume()}: for stopping the services on purpose for a while. */
    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
    }

    /** Checks every {@code interval} on a daemon thread of its own until {@link #close()}. */
    public synchronized void watch(Duration interval) {
        if (watcher != null) {
            return;
        }
        watcher = Thread.ofPlatform().daemon().name("ikd-supervisor").start(() -> {
            while (!stopped) {
                try {
                    check();
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("⚠ supervisor: " + e);
                }
            }
        });
    }

    /** No more restarts (before the services are stopped on purpose). */
    @Override
    public void close() {
        stopped = true;
        Thread thread;
        synchronized (this) {
            thread = watcher;
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
