package id.go.dukcapil.ikd.registration.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.SessionStatements;
import id.go.dukcapil.ikd.registration.domain.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEntry> {

    /** Postgres channel that carries timeline changes to every replica's open streams. */
    public static final String UPDATES_CHANNEL = "ikd_registration_updates";

    public Uni<List<TimelineEntry>> listFor(UUID registrationId) {
        return list("registrationId = ?1 order by id", registrationId);
    }

    public Uni<List<TimelineEntry>> listAfter(UUID registrationId, long afterId) {
        return list("registrationId = ?1 and id > ?2 order by id", registrationId, afterId);
    }

    /**
     * Announces an update to every replica listening. Postgres delivers it only when the current
     * transaction commits, so no stream ever shows a change that was rolled back.
     */
    public Uni<Void> announce(String payload) {
        return SessionStatements.notifyOnCommit(UPDATES_CHANNEL, payload);
    }
}
