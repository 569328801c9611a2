package id.go.dukcapil.ikd.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * A service started by {@code ./ikd up}, a test suite or the fault campaign stops, gracefully,
 * once the process that started it is gone ({@code ikd.supervisor-pid}, set by the launcher).
 * A launcher killed with SIGKILL runs no shutdown hook: without this its services kept running,
 * holding their ports, memory and consumer-group memberships, until someone found and killed them.
 * Unset (Kubernetes, a service started by hand): nothing is watched.
 */
@ApplicationScoped
class SupervisorWatch {

    private static final Logger LOG = Logger.getLogger(SupervisorWatch.class);

    private final Optional<Long> supervisorPid;

    SupervisorWatch(@ConfigProperty(name = "ikd.supervisor-pid") Optional<Long> supervisorPid) {
        this.supervisorPid = supervisorPid;
    }

    void watch(@Observes StartupEvent ignored) {
        supervisorPid.ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                // the JDK polls a process that is not our parent's child, and tells a reused pid apart
                supervisor -> supervisor.onExit().thenRun(() -> stop(pid)),
                () -> stop(pid)));
    }

    private static void stop(long pid) {
        LOG.warnf("the process that started this service (pid %d) is gone: stopping", pid);
        Quarkus.asyncExit(0);
    }
}
