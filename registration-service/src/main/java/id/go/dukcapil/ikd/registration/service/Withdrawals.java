package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import id.go.dukcapil.ikd.registration.domain.TimelineEntry;
import id.go.dukcapil.ikd.registration.domain.TimelineKind;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import id.go.dukcapil.ikd.registration.repository.TimelineRepository;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.registration.service.timeline.TimelineRecorder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Ends a registration: the citizen's withdrawal, which erases it in a transaction of its own, and
 * the close of one that awaits verification (status, selfie erased, a timeline step the citizen's
 * app shows and streams, RegistrationWithdrawn) in the caller's transaction.
 */
@ApplicationScoped
public class Withdrawals {

    private static final Logger LOG = Logger.getLogger(Withdrawals.class);

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
     * The citizen withdraws (UU PDP): a pending registration is erased with its selfie and timeline,
     * and the other services are told (RegistrationWithdrawn); one that already ended by withdrawal
     * or expiry is erased too. Once erased, the secret opens nothing (401 like any unknown id).
     */
    public Uni<Void> withdraw(UUID id) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> registrations.findForUpdate(id).chain(registration -> registration == null
                ? Uni.createFrom().voidItem() // erased by a concurrent request
                : switch (registration.status) {
            case PENDING_VERIFICATION, WITHDRAWN, EXPIRED -> erase(registration, now)
                    .invoke(() -> LOG.infof("registration %s withdrawn and erased at the citizen's request", id));
            default -> throw RegistrationProblems.notPending(registration.status);
        }));
    }

    /**
     * The citizen's erasure: RegistrationWithdrawn (ids only) goes out, then the row, its selfie
     * and its timeline are deleted in the same transaction. No timeline step is written: nothing of
     * the registration is left to show it.
     */
    private Uni<Void> erase(Registration registration, Instant now) {
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
