package id.go.dukcapil.ikd.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: real time plus an offset, or frozen at an instant, so that tests
 * near a time boundary do not depend on how fast a loaded machine runs them. Tests reset it.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    public void shift(Duration by) {
        frozen.set(null);
        offset.set(by);
    }

    public void freezeAt(Instant instant) {
        frozen.set(instant);
    }

    public void reset() {
        frozen.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        Instant fixed = frozen.get();
        return fixed != null ? fixed : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
