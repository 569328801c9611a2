package id.go.dukcapil.ikd.registration.service.ratelimit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;


import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.messaging.RateLimitWindows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Limits submissions and counter codes per device key and per client address, and the moving
 * selfie's challenges per client address, in fixed windows
 * counted in PostgreSQL so that every replica sees the same counts.
 */
@ApplicationScoped
public class RateLimiter {


    /** What is limited; the bucket name keeps the counters of each apart. */
    public enum Action {
        SUBMISSION, COUNTER_CODE, SELFIE_CHALLENGE
    }

    private final RateLimitWindows repository;
    private final RegistrationConfig.RateLimits limits;
    private final int challengesPerAddress;

    public RateLimiter(RateLimitWindows repository, RegistrationConfig config) {
        this.repository = repository;
        this.limits = config.rateLimit();
        this.challengesPerAddress = config.selfie().liveness().challengesPerAddress();
    }

    public Uni<Void> checkAddress(Action action, String clientAddress) {
        int limit = switch (action) {
            case SUBMISSION -> limits.submissionsPerAddress();
            case COUNTER_CODE -> limits.counterCodesPerAddress();
            case SELFIE_CHALLENGE -> challengesPerAddress;
        };
        return check(action.name() + ":address:" + clientAddress, limit);
    }

    /** {@code deviceKeyThumbprint}: RFC 7638 thumbprint of the app's key. */
    public Uni<Void> checkDevice(Action action, String deviceKeyThumbprint) {
        int limit = action == Action.SUBMISSION ? limits.submissionsPerDevice() : limits.counterCodesPerDevice();
        return check(action.name() + ":device:" + deviceKeyThumbprint, limit);
    }

    private Uni<Void> check(String bucket, int limit) {
        return repository.hit(bucket, limit, limits.window(), Instant.now()).invoke(over -> over.ifPresent(wait -> {
            throw new RateLimitedException(Math.max(1, wait.toSeconds()));
        })).replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOldWindows() {
        return repository.purgeOlderThan(limits.window());
    }
}
