package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Registrations nobody verified within {@code expire-after} expire (selfie erased); selfies of
 * registrations approved that long ago but never activated are erased too. {@link ExpiryJob}
 * calls it on a schedule.
 */
@ApplicationScoped
public class RegistrationExpiry {

    private static final Logger LOG = Logger.getLogger(RegistrationExpiry.class);
    private static final int EXPIRY_BATCH = 100;

    private final RegistrationRepository registrations;
    private final Withdrawals withdrawals;
    private final RegistrationConfig config;

    public RegistrationExpiry(RegistrationRepository registrations, Withdrawals withdrawals, RegistrationConfig config) {
        this.registrations = registrations;
        this.withdrawals = withdrawals;
        this.config = config;
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
                        .map(decided -> expired.size() + decided.size())))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("expiry: %d registrations expired or their selfies erased", count);
                    }
                });
    }
}
