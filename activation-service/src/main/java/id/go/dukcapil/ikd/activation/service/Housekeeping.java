package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.activation.repository.CaptchaSolutionRepository;
import id.go.dukcapil.ikd.activation.repository.SessionChallengeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Forgets what only mattered until it expired: solved captchas and unused session nonces. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final CaptchaSolutionRepository captchaSolutions;
    private final SessionChallengeRepository challenges;
    private final Clock clock;

    public Housekeeping(CaptchaSolutionRepository captchaSolutions, SessionChallengeRepository challenges, Clock clock) {
        this.captchaSolutions = captchaSolutions;
        this.challenges = challenges;
        this.clock = clock;
    }

    @Scheduled(every = "15m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return Panache.withTransaction(() -> captchaSolutions.deleteExpired(clock.instant())
                .chain(() -> challenges.deleteExpired(clock.instant())))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("purging expired captchas and nonces failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
