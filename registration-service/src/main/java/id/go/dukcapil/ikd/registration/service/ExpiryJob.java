package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Runs expiry on every replica; rows are locked with SKIP LOCKED, so replicas share the work. */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final RegistrationExpiry expiry;

    public ExpiryJob(RegistrationExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(every = "${ikd.registration.expiry-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return expiry.expireOverdue(Instant.now()).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("expiring registrations failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
