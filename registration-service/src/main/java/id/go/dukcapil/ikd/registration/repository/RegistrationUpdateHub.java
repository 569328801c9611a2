package id.go.dukcapil.ikd.registration.repository;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.registration.domain.TimelineChange;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Fans timeline changes out to the SSE streams open on this replica. Every replica LISTENs on
 * one Postgres channel; the transaction that records a change NOTIFYs it, and Postgres delivers
 * the notification to all replicas only once that transaction commits. So a stream sees every
 * committed change whichever replica consumed the event, and never one that rolled back.
 * A stream that missed something (a reconnect of either side) catches up from the database
 * with {@code Last-Event-ID}.
 */
@ApplicationScoped
public class RegistrationUpdateHub {

    private static final Logger LOG = Logger.getLogger(RegistrationUpdateHub.class);
    private static final long RECONNECT_DELAY_MS = 1000;

    private final Map<UUID, Set<Consumer<TimelineChange>>> listeners = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final ObjectMapper json;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public RegistrationUpdateHub(Vertx vertx, ObjectMapper json, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.json = json;
        this.url = url;
        this.user = user;
        this.password = password;
        registry.gauge("ikd.registration.streams.open", listeners, map -> map.values().stream().mapToInt(Set::size).sum());
        registry.gauge("ikd.registration.updates.listening", this, hub -> hub.listening() ? 1 : 0);
    }

    void start(@Observes StartupEvent startup) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> RECONNECT_DELAY_MS);
        subscriber.channel(TimelineRepository.UPDATES_CHANNEL).handler(this::dispatch);
        subscriber.connect().onFailure(e -> LOG.warnf("listening for registration updates failed: %s", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** Whether this replica currently receives updates (live pushes pause while it reconnects). */
    public boolean listening() {
        return subscriber != null && !subscriber.closed() && subscriber.actualConnection() != null;
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
