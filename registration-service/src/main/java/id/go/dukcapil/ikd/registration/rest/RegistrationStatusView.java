package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.dukcapil.ikd.events.IndonesianTimeZone;
import id.go.dukcapil.ikd.registration.service.RegistrationService;

/**
 * @param selfieErased true once the selfie was deleted (withdrawal, expiry, rejection or activation)
 * @param timeZone     the zone of the registration's office (from the NIK's province), in which the app shows times
 */
@Schema(example = """
        {"registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "status": "APPROVED",
         "submittedAt": "2026-12-05T02:30:00Z", "selfieErased": false,
         "timeline": [
           {"id": 1, "kind": "SUBMITTED", "status": "PENDING_VERIFICATION", "at": "2026-12-05T02:30:00Z",
            "text": {"id": "Pendaftaran diterima. Tunjukkan kode loket kepada petugas Dukcapil untuk verifikasi.",
                     "en": "Registration received. Show the counter code to a Dukcapil officer for verification."}},
           {"id": 4, "kind": "APPROVED", "status": "APPROVED", "at": "2026-12-05T03:12:00Z", "channel": "COUNTER",
            "text": {"id": "Data Anda disetujui. PIN aktivasi akan dikirim ke email Anda.",
                     "en": "Your data was approved. The activation PIN will be sent to your email."},
            "office": {"name": "Disdukcapil Kabupaten Bandung", "phone": "022-5891234",
                       "address": "Jl. Raya Soreang KM 17, Soreang"}}
         ],
         "timeZone": "WIB"}""")
public record RegistrationStatusView(UUID registrationId, String status, Instant submittedAt, boolean selfieErased,
        List<TimelineEntryView> timeline, IndonesianTimeZone timeZone) {

    static RegistrationStatusView of(RegistrationService.StatusReport report) {
        return new RegistrationStatusView(report.registrationId(), report.status(), report.submittedAt(),
                report.selfieErased(), report.timeline().stream().map(TimelineEntryView::of).toList(),
                report.timeZone());
    }
}
