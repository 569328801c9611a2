package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.go.dukcapil.ikd.web.Bilingual;
import id.go.dukcapil.ikd.registration.service.PersonalDataService;

/**
 * What registration-service holds about the citizen (UU PDP right of access), with the retention
 * rule that applies, in words.
 *
 * @param messages the emails and SMS sent (or tried) to the citizen, from the timeline
 * @param kept     how long the registration stays, as a sentence
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "status": "PENDING_VERIFICATION",
         "nikMasked": "320412********01", "email": "budi.santoso@example.id", "phone": "+6281234567890",
         "language": "id", "deviceKeyThumbprint": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
         "submittedAt": "2026-12-05T02:30:00Z", "selfieHeld": true,
         "kept": {"id": "Data pendaftaran disimpan selama pendaftaran berjalan atau IKD Anda aktif. Swafoto dihapus setelah keputusan petugas.",
                  "en": "Your registration data is kept while the registration is in progress or your IKD is active. The selfie is deleted after the officer's decision."},
         "timeline": [
           {"id": 1, "kind": "SUBMITTED", "status": "PENDING_VERIFICATION", "at": "2026-12-05T02:30:00Z",
            "text": {"id": "Pendaftaran diterima. Tunjukkan kode loket kepada petugas Dukcapil untuk verifikasi.",
                     "en": "Registration received. Show the counter code to a Dukcapil officer for verification."}},
           {"id": 2, "kind": "NOTIFICATION_SENT", "status": "PENDING_VERIFICATION", "at": "2026-12-05T02:30:05Z",
            "channel": "EMAIL", "messageKind": "REGISTRATION_RECEIVED", "recipient": "b***@example.id",
            "text": {"id": "Pesan terkirim lewat email (b***@example.id).",
                     "en": "A message was sent by email (b***@example.id)."}}
         ],
         "messages": [
           {"id": 2, "kind": "NOTIFICATION_SENT", "status": "PENDING_VERIFICATION", "at": "2026-12-05T02:30:05Z",
            "channel": "EMAIL", "messageKind": "REGISTRATION_RECEIVED", "recipient": "b***@example.id",
            "text": {"id": "Pesan terkirim lewat email (b***@example.id).",
                     "en": "A message was sent by email (b***@example.id)."}}
         ]}""")
public record PersonalDataView(UUID registrationId, String status, String nikMasked, String email, String phone,
        String language, String deviceKeyThumbprint, Instant submittedAt, Instant decidedAt, boolean selfieHeld,
        Instant selfieErasedAt, Instant deletableAt, Bilingual kept, List<TimelineEntryView> timeline,
        List<TimelineEntryView> messages) {

    private static final Set<String> MESSAGE_KINDS = Set.of("NOTIFICATION_SENT", "NOTIFICATION_FAILED",
            "NOTIFICATION_RETRYING");

    static PersonalDataView of(PersonalDataService.Held held) {
        List<TimelineEntryView> steps = held.timeline().stream().map(TimelineEntryView::of).toList();
        return new PersonalDataView(held.registrationId(), held.status(), held.nikMasked(), held.email(),
                held.phone(), held.language(), held.deviceKeyThumbprint(), held.submittedAt(), held.decidedAt(),
                held.selfieHeld(), held.selfieErasedAt(), held.deletableAt(), kept(held), steps,
                steps.stream().filter(step -> MESSAGE_KINDS.contains(step.kind())).toList());
    }

    private static Bilingual kept(PersonalDataService.Held held) {
        if (held.deletableAt() == null) {
            return new Bilingual("Data pendaftaran disimpan selama pendaftaran berjalan atau IKD Anda aktif. "
                    + "Swafoto dihapus setelah keputusan petugas.",
                    "Your registration data is kept while the registration is in progress or your IKD is active. "
                            + "The selfie is deleted after the officer's decision.");
        }
        return new Bilingual("Pendaftaran ini sudah selesai dan akan dihapus otomatis pada tanggal yang tertera.",
                "This registration has ended and will be deleted automatically on the date shown.");
    }
}
