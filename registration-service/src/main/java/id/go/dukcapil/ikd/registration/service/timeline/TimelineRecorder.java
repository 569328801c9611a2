package id.go.dukcapil.ikd.registration.service.timeline;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.domain.TimelineChange;
import id.go.dukcapil.ikd.registration.domain.TimelineEntry;
import id.go.dukcapil.ikd.registration.repository.RegistrationUpdateHub;
import id.go.dukcapil.ikd.registration.repository.TimelineRepository;
import io.smallrye.mutiny.Uni;

/** Adds a step to a registration's timeline and announces it to open streams when the transaction commits. */
@ApplicationScoped
public class TimelineRecorder {

    /** Free texts are cut here: they are shown on a phone and travel in a NOTIFY payload. */
    static final int MAX_NOTE = 500;

    private final TimelineRepository timeline;
    private final RegistrationUpdateHub hub;

    public TimelineRecorder(TimelineRepository timeline, RegistrationUpdateHub hub) {
        this.timeline = timeline;
        this.hub = hub;
    }

    /** Call inside a transaction, after the registration's status was changed. */
    public Uni<Void> record(TimelineEntry entry) {
        return timeline.persist(entry)
                .chain(timeline::flush) // the id is the SSE event id: it must exist before the announcement
                .chain(() -> timeline.announce(hub.payload(TimelineChange.of(entry))));
    }

    public static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.strip();
        return clean.length() <= MAX_NOTE ? clean : clean.substring(0, MAX_NOTE - 1) + "…";
    }
}
