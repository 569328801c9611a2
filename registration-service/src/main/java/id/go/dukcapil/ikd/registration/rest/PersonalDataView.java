package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
