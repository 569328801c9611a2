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

    public Withdrawals(TimelineRecorder recorder, Outbox outbox) {
        this.recorder = recorder;
        this.outbox = outbox;
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
