package id.go.dukcapil.ikd.registration.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.repository.RateLimitRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Limits submissions and counter codes per device key and per client address, in fixed windows
 * counted in PostgreSQL so that every replica sees the same counts.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** What is limited; the bucket name keeps the counters of each apart. */
    public enum Action {
        SUBMISSION, COUNTER_CODE
    }

    private final RateLimitRepository repository;
    private final RegistrationConfig.RateLimits limits;

    public RateLimiter(RateLimitRepository repository, RegistrationConfig config) {
        this.repository = repository;
        this.limits = config.rateLimit();
    }

    public Uni<Void> checkAddress(Action action, String clientAddress) {
        int limit = action == Action.SUBMISSION ? limits.submissionsPerAddress() : limits.counterCodesPerAddress();
        return check(action.name() + ":address:" + clientAddress, limit);
    }

    /** {@code deviceKeyThumbprint}: RFC 7638 thumbprint of the app's key. */
    public Uni<Void> checkDevice(Action action, String deviceKeyThumbprint) {
        int limit = action == Action.SUBMISSION ? limits.submissionsPerDevice() : limits.counterCodesPerDevice();
        return check(action.name() + ":device:" + deviceKeyThumbprint, limit);
    }

    private Uni<Void> check(String bucket, int limit) {
        Instant now = Instant.now();
        long windowMillis = limits.window().toMillis();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        return repository.hit(bucket, windowStart).invoke(hits -> {
            if (hits > limit) {
                long retryAfter = Math.max(1, Duration.between(now, windowStart.plus(limits.window())).toSeconds());
                throw new RateLimitedException(retryAfter);
            }
        }).replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOldWindows() {
        return repository.deleteWindowsBefore(Instant.now().minus(limits.window().multipliedBy(2)))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("purging rate-limit windows failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
