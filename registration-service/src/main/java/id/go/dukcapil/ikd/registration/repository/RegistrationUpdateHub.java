package id.go.dukcapil.ikd.registration.repository;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.messaging.CommitSignals;
import id.go.dukcapil.ikd.registration.domain.TimelineChange;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Fans timeline changes out to the SSE streams open on this replica. The transaction that records a
 * change NOTIFYs it on one Postgres channel, and Postgres delivers the notification, through the
 * service's one LISTEN connection (platform {@link CommitSignals}), to all replicas only once that
 * transaction commits. So a stream sees every committed change whichever replica consumed the
 * event, and never one that rolled back. A stream that missed something (a reconnect of either
 * side) catches up from the database with {@code Last-Event-ID}.
 */
@ApplicationScoped
public class RegistrationUpdateHub {

    private static final Logger LOG = Logger.getLogger(RegistrationUpdateHub.class);

    private final Map<UUID, Set<Consumer<TimelineChange>>> listeners = new ConcurrentHashMap<>();
    private final CommitSignals commits;
    private final ObjectMapper json;

    public RegistrationUpdateHub(CommitSignals commits, ObjectMapper json, MeterRegistry registry) {
        this.commits = commits;
        this.json = json;
        registry.gauge("ikd.registration.streams.open", listeners, map -> map.values().stream().mapToInt(Set::size).sum());
        registry.gauge("ikd.registration.updates.listening", this, hub -> hub.listening() ? 1 : 0);
    }

    void start(@Observes StartupEvent startup) {
        commits.listen(TimelineRepository.UPDATES_CHANNEL, (Consumer<String>) this::dispatch);
    }

    /** Whether this replica currently receives updates (live pushes pause while it reconnects). */
    public boolean listening() {
        return commits.listening();
    }

    /** Calls {@code listener} with every update of one registration until the returned action runs. */
    public Runnable listen(UUID registrationId, Consumer<TimelineChange> listener) {
        listeners.computeIfAbsent(registrationId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(registrationId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** The NOTIFY payload for a change (kept well under Postgres' 8000-byte limit by short notes). */
    public String payload(TimelineChange update) {
        try {
            return json.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a registration update always serialises", e);
        }
    }

    private void dispatch(String payload) {
        TimelineChange update;
        try {
            update = json.readValue(payload, TimelineChange.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("ignoring an unreadable registration update: %s", e.getOriginalMessage());
            return;
        }
        Set<Consumer<TimelineChange>> forRegistration = listeners.get(update.registrationId());
        if (forRegistration != null) {
            forRegistration.forEach(listener -> listener.accept(update));
        }
    }
}
