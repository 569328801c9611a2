package id.go.dukcapil.ikd.registration.rest;

import java.util.UUID;
import id.go.dukcapil.ikd.registration.domain.TimelineChange;

/** One change pushed on the SSE stream: the new status and the timeline step that caused it. */
public record RegistrationUpdate(UUID registrationId, String status, TimelineEntryView entry) {

    static RegistrationUpdate of(TimelineChange change) {
        return new RegistrationUpdate(change.registrationId(), change.status(), TimelineEntryView.of(change));
    }
}
