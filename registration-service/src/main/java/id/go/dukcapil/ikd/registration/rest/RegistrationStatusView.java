package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import id.go.dukcapil.ikd.registration.service.RegistrationService;

/**
 * @param selfieErased true once the selfie was deleted (withdrawal, expiry, rejection or activation)
 */
public record RegistrationStatusView(UUID registrationId, String status, Instant submittedAt, boolean selfieErased,
        List<TimelineEntryView> timeline) {

    static RegistrationStatusView of(RegistrationService.StatusReport report) {
        return new RegistrationStatusView(report.registrationId(), report.status(), report.submittedAt(),
                report.selfieErased(), report.timeline().stream().map(TimelineEntryView::of).toList());
    }
}
