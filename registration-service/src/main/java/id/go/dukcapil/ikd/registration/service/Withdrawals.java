package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import id.go.dukcapil.ikd.registration.domain.TimelineEntry;
import id.go.dukcapil.ikd.registration.domain.TimelineKind;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import id.go.dukcapil.ikd.registration.repository.TimelineRepository;
import id.go.dukcapil.ikd.registration.service.timeline.TimelineRecorder;
import io.smallrye.mutiny.Uni;

/**
 * Ends a registration that awaits verification: status, selfie erased, a timeline step (what the
 * citizen's app shows and streams) and RegistrationWithdrawn, in the caller's transaction.
 */
@ApplicationScoped
public class Withdrawals {

    /** Timeline reason of a registration closed because another of its NIK was approved at a counter. */
    public static final String SUPERSEDED_AT_COUNTER = "SUPERSEDED_AT_COUNTER";

    private final TimelineRecorder recorder;
    private final Outbox outbox;
    private final RegistrationRepository registrations;
    private final TimelineRepository timeline;

    public Withdrawals(TimelineRecorder recorder, Outbox outbox, RegistrationRepository registrations,
            TimelineRepository timeline) {
        this.recorder = recorder;
        this.outbox = outbox;
        this.registrations = registrations;
        this.timeline = timeline;
    }

    /**
     * The citizen withdraws (UU PDP erasure): RegistrationWithdrawn (ids only) goes out, then the
     * row, its selfie and its timeline are deleted in the same transaction. No timeline step is
     * written: nothing of the registration is left to show it.
     */
    public Uni<Void> erase(Registration registration, Instant now) {
        Uni<Void> announced = registration.status == RegistrationStatus.PENDING_VERIFICATION
                ? outbox.append(new RegistrationWithdrawn(registration.id, WithdrawalReason.CITIZEN_REQUEST, now))
                        .replaceWithVoid()
                : Uni.createFrom().voidItem();
        return announced
                .chain(() -> timeline.delete("registrationId", registration.id))
                .chain(() -> registrations.delete(registration));
    }

    public Uni<Void> close(Registration registration, WithdrawalReason reason, Instant now) {
        return close(registration, reason, null, now);
    }

    /** {@code supersededBy}: with reason SUPERSEDED, the registration of the NIK approved instead. */
    public Uni<Void> close(Registration registration, WithdrawalReason reason, UUID supersededBy, Instant now) {
        registration.status = reason == WithdrawalReason.EXPIRED ? RegistrationStatus.EXPIRED
                : RegistrationStatus.WITHDRAWN;
        registration.eraseSelfie(now);
        TimelineEntry entry = TimelineEntry.of(registration, switch (reason) {
            case CITIZEN_REQUEST -> TimelineKind.WITHDRAWN;
            case SUPERSEDED -> TimelineKind.SUPERSEDED;
            case EXPIRED -> TimelineKind.EXPIRED;
        }, now);
        entry.reasonCode = reason == WithdrawalReason.SUPERSEDED && supersededBy != null ? SUPERSEDED_AT_COUNTER
                : reason.name();
        return recorder.record(entry)
                .chain(() -> outbox.append(new RegistrationWithdrawn(registration.id, reason, now, supersededBy)))
                .replaceWithVoid();
    }
}
