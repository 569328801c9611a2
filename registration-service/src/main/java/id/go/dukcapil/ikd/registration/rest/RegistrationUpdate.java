package id.go.dukcapil.ikd.registration.rest;

import java.util.UUID;

/** One change pushed on the SSE stream: the new status and the timeline step that caused it. */
public record RegistrationUpdate(UUID registrationId, String status, TimelineEntryView entry) {
}
