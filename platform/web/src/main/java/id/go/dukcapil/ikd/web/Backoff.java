package id.go.dukcapil.ikd.web;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff, the one rule for every "try again later" of the suite (an event a consumer
 * retries, a message the dispatcher sends again, a service the launcher restarts): {@code first},
 * then twice that, four times … never more than {@code max}.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        Objects.requireNonNull(first, "first is required");
        Objects.requireNonNull(max, "max is required");
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 <= first <= max, not " + first + " and " + max);
        }
    }

    /** The wait before try again number {@code retry} (1: the first): {@code first × 2^(retry-1)}, at most {@code max}. */
    public Duration delay(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * {@link #delay(int)} with jitter, between half of it and all of it, so that replicas that
     * failed together do not retry in lock-step.
     */
    public Duration jittered(int retry) {
        long millis = delay(retry).toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}
