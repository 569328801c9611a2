package id.go.dukcapil.ikd.local;

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
            process.awaitStop(process.stopGrace());
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
        // a training run's stop (its AOT cache assembled) stays within Down's 120 s wait for the launcher
        ServiceProcess.stopAll(services);
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
