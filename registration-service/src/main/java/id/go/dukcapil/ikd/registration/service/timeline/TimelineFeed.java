package id.go.dukcapil.ikd.registration.service.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.domain.TimelineChange;
import id.go.dukcapil.ikd.registration.repository.RegistrationUpdateHub;
import id.go.dukcapil.ikd.registration.repository.TimelineRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;

/** A registration's timeline as a live stream: the steps already recorded, then each new one. */
@ApplicationScoped
public class TimelineFeed {

    private final TimelineRepository timeline;
    private final RegistrationUpdateHub hub;

    public TimelineFeed(TimelineRepository timeline, RegistrationUpdateHub hub) {
        this.timeline = timeline;
        this.hub = hub;
    }

    /**
     * The timeline after {@code afterId}, then every change live. Listening starts before the
     * database is read, and live changes are held back until the backlog is out, so nothing falls
     * between the two and nothing comes twice.
     */
    public Multi<TimelineChange> updates(UUID id, long afterId) {
        return Multi.createFrom().emitter(emitter -> {
            Object lock = new Object();
            List<TimelineChange> heldBack = new ArrayList<>();
            long[] lastSent = { afterId };
            boolean[] caughtUp = { false };
            Runnable stopListening = hub.listen(id, update -> {
                synchronized (lock) {
                    if (!caughtUp[0]) {
                        heldBack.add(update);
                    } else if (update.id() > lastSent[0]) {
                        lastSent[0] = update.id();
                        emitter.emit(update);
                    }
                }
            });
            emitter.onTermination(stopListening);
            Panache.withSession(() -> timeline.listAfter(id, afterId)).subscribe().with(backlog -> {
                synchronized (lock) {
                    backlog.stream().map(TimelineChange::of).forEach(update -> {
                        lastSent[0] = Math.max(lastSent[0], update.id());
                        emitter.emit(update);
                    });
                    heldBack.stream().filter(update -> update.id() > lastSent[0]).forEach(update -> {
                        lastSent[0] = update.id();
                        emitter.emit(update);
                    });
                    heldBack.clear();
                    caughtUp[0] = true;
                }
            }, emitter::fail);
        });
    }
}
