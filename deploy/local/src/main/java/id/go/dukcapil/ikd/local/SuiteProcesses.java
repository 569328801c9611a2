package id.go.dukcapil.ikd.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import id.go.dukcapil.ikd.local.gateway.Gateway;
import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.process.RunState;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.Supervisor;

/**
 * What one {@code ./ikd up} has started, and stopping it in order: the services first (side by
 * side), then the gateway, then the infrastructure (Kafka, PostgreSQL last). Shared by the main
 * thread (starting, supervising) and the signal handler (stopping); once stopped, nothing more
 * is supervised.
 */
final class SuiteProcesses {

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);
    /**
     * For the first stop after a build: each service's JVM then assembles its AOT cache (a child
     * JVM, 130-170 MB each with aot-jar), five at once on two cores; at 30 s the slowest was killed
     * half way and recorded again at every start. Within Down's 120 s wait for the launcher.
     */
    private static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(90);

    private final RunState state;
    private final Supervisor supervisor;
    private final List<ServiceProcess> services = new ArrayList<>(); // guarded by this
    private LocalInfrastructure infrastructure; // guarded by this
    private Gateway gateway; // guarded by this
    private boolean stopped; // guarded by this

    SuiteProcesses(RunState state, Supervisor supervisor) {
        this.state = state;
        this.supervisor = supervisor;
    }

    synchronized void infrastructure(LocalInfrastructure started) {
        infrastructure = started;
        started.kafkaPids().forEach(pid -> state.record("kafka", pid));
        started.postmasterPid().ifPresent(pid -> state.record("postgres", pid));
    }

    synchronized void gateway(Gateway started) {
        gateway = started;
    }

    /** A process started while the suite was being stopped (by a shutdown hook) is stopped at once. */
    synchronized void service(ServiceProcess process) {
        if (stopped) {
            process.requestStop();
            process.awaitStop(SERVICE_STOP_GRACE);
            return;
        }
        services.add(process);
        supervisor.add(process);
        state.record(process.name(), process.pid());
    }

    synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** One supervision round ({@link Supervisor#check}); false once the suite is stopped. */
    synchronized boolean supervise() {
        if (stopped) {
            return false;
        }
        supervisor.check();
        return true;
    }

    /** Idempotent. */
    synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        supervisor.close();
        services.forEach(ServiceProcess::requestStop);
        Duration grace = services.stream().anyMatch(ServiceProcess::recordsAotCache) ? TRAINING_STOP_GRACE
                : SERVICE_STOP_GRACE;
        long deadline = System.nanoTime() + grace.toNanos();
        // one deadline for all: they stop side by side, so the later ones need no grace of their own
        services.forEach(process -> process.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        if (gateway != null) {
            gateway.close();
        }
        if (infrastructure != null) {
            try {
                infrastructure.close();
            } catch (RuntimeException e) {
                System.err.println("⚠ " + e.getMessage());
            }
        }
        state.clear();
    }
}
