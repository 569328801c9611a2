package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.config.RetentionSettings;
import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import id.go.dukcapil.ikd.registration.domain.TimelineEntry;
import id.go.dukcapil.ikd.registration.domain.TimelineKind;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import id.go.dukcapil.ikd.registration.service.timeline.TimelineRecorder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Registrations nobody verified within {@code expire-after} expire (selfie erased); selfies of
 * registrations approved that long ago but never activated are erased too, and an approval never
 * activated within {@code retention.unactivated-approval} lapses: the registration ends as EXPIRED,
 * so that the retention of ended registrations deletes its NIK and contact in time. No event goes
 * out for a lapse: activation-service deletes its approval by a rule of its own. {@link ExpiryJob}
 * calls it on a schedule.
 */
@ApplicationScoped
public class RegistrationExpiry {

    private static final Logger LOG = Logger.getLogger(RegistrationExpiry.class);
    private static final int EXPIRY_BATCH = 100;

    private final RegistrationRepository registrations;
    private final Withdrawals withdrawals;
    private final RegistrationConfig config;
    private final RetentionSettings retention;
    private final TimelineRecorder recorder;

    public RegistrationExpiry(RegistrationRepository registrations, Withdrawals withdrawals, RegistrationConfig config,
            RetentionSettings retention, TimelineRecorder recorder) {
        this.registrations = registrations;
        this.withdrawals = withdrawals;
        this.config = config;
        this.retention = retention;
        this.recorder = recorder;
    }

    /** One batch per call. */
    public Uni<Integer> expireOverdue(Instant now) {
        Instant cutoff = now.minus(config.expireAfter());
        return Panache.withTransaction(() -> registrations.lockOverduePending(cutoff, EXPIRY_BATCH)
                .chain(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(registration -> withdrawals.close(registration, WithdrawalReason.EXPIRED, now)
                                .replaceWith(registration.id))
                        .collect().asList())
                .chain(expired -> registrations.lockDecidedWithSelfie(cutoff, EXPIRY_BATCH)
                        .invoke(decided -> decided.forEach(registration -> registration.eraseSelfie(now)))
                        .map(decided -> expired.size() + decided.size()))
                .chain(count -> lapseUnactivated(now).map(lapsed -> count + lapsed)))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("expiry: %d registrations expired, lapsed or their selfies erased", count);
                    }
                });
    }

    private Uni<Integer> lapseUnactivated(Instant now) {
        return registrations.lockUnactivatedApprovals(now.minus(retention.unactivatedApproval()), EXPIRY_BATCH)
                .chain(approvals -> Multi.createFrom().iterable(approvals)
                        .onItem().transformToUniAndConcatenate(registration -> {
                            registration.status = RegistrationStatus.EXPIRED;
                            if (registration.selfieKept()) {
                                registration.eraseSelfie(now);
                            }
                            registration.updatedAt = now;
                            return recorder.record(TimelineEntry.of(registration, TimelineKind.APPROVAL_LAPSED, now));
                        })
                        .collect().asList()
                        .map(List::size));
    }
}
