package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.config.RetentionSettings;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import id.go.dukcapil.ikd.registration.domain.TimelineChange;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import id.go.dukcapil.ikd.registration.repository.TimelineRepository;
import id.go.dukcapil.ikd.web.Masking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The citizen's right of access (UU PDP art. 7): everything registration-service holds about one
 * registration, read with its secret. Messages sent come from the timeline, which
 * notification-service's events already feed, so no other service is asked on the request path.
 */
@ApplicationScoped
public class PersonalDataService {

    private final RegistrationRepository registrations;
    private final TimelineRepository timeline;
    private final RetentionSettings retention;

    public PersonalDataService(RegistrationRepository registrations, TimelineRepository timeline,
            RetentionSettings retention) {
        this.registrations = registrations;
        this.timeline = timeline;
        this.retention = retention;
    }

    /**
     * @param nikMasked   the NIK as the app shows it (the full NIK is on the citizen's KTP-el)
     * @param deletableAt when the retention job deletes it; null while pending or approved
     */
    public record Held(UUID registrationId, String status, String nikMasked, String email, String phone,
            String language, String deviceKeyThumbprint, Instant submittedAt, Instant updatedAt, Instant decidedAt,
            boolean selfieHeld, Instant selfieErasedAt, Instant deletableAt, List<TimelineChange> timeline) {
    }

    public Uni<Held> held(UUID id) {
        return Panache.withSession(() -> registrations.findById(id)
                .chain(registration -> timeline.listFor(id).map(entries -> of(registration,
                        entries.stream().map(TimelineChange::of).toList()))));
    }

    private Held of(Registration r, List<TimelineChange> steps) {
        boolean ended = r.status != RegistrationStatus.PENDING_VERIFICATION && r.status != RegistrationStatus.APPROVED;
        Instant deletableAt = ended && r.updatedAt != null ? r.updatedAt.plus(retention.ended()) : null;
        return new Held(r.id, r.status.name(), Masking.nik(r.nik), r.email, r.phone, r.language,
                r.deviceKeyThumbprint, r.submittedAt, r.updatedAt, r.decidedAt, r.selfieKept(), r.selfieErasedAt,
                deletableAt, steps);
    }
}
