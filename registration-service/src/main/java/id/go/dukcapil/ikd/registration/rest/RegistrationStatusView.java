package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param selfieErased true once the selfie was deleted (withdrawal, expiry, rejection or activation)
 */
public record RegistrationStatusView(UUID registrationId, String status, Instant submittedAt, boolean selfieErased,
        List<TimelineEntryView> timeline) {
}
