package id.go.dukcapil.ikd.registration.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.dukcapil.ikd.registration.domain.TimelineChange;

/** One change pushed on the SSE stream: the new status and the timeline step that caused it. */
@Schema(example = """
        {"registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "status": "APPROVED",
         "entry": {"id": 4, "kind": "APPROVED", "status": "APPROVED", "at": "2026-12-05T03:12:00Z", "channel": "COUNTER",
                   "text": {"id": "Data Anda disetujui. PIN aktivasi akan dikirim ke email Anda.",
                            "en": "Your data was approved. The activation PIN will be sent to your email."},
                   "office": {"name": "Disdukcapil Kabupaten Bandung", "phone": "022-5891234",
                              "address": "Jl. Raya Soreang KM 17, Soreang"}}}""")
public record RegistrationUpdate(UUID registrationId, String status, TimelineEntryView entry) {

    static RegistrationUpdate of(TimelineChange change) {
        return new RegistrationUpdate(change.registrationId(), change.status(), TimelineEntryView.of(change));
    }
}
