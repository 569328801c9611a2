package id.go.dukcapil.ikd.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

class Argon2HasherTest {

    private static final Argon2id.Parameters LIGHT = new Argon2id.Parameters(1024, 1, 1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One place, nobody waiting: a second hash at the same time is refused. */
    private final Bulkheads bulkheads = new Bulkheads(() -> Map.of("argon2", new Bulkheads.Config.Limit() {
        @Override
        public Optional<Integer> concurrency() {
            return Optional.of(1);
        }

        @Override
        public MemorySize memoryPerTask() {
            return new MemorySize(java.math.BigInteger.valueOf(16L << 20));
        }

        @Override
        public double heapShare() {
            return 0.25;
        }

        @Override
        public int maxConcurrency() {
            return 1;
        }

        @Override
        public int queue() {
            return 0;
        }

        @Override
        public Optional<Duration> maxWait() {
            return Optional.empty();
        }

        @Override
        public Duration retryAfter() {
            return Duration.ofSeconds(2);
        }
    }), new SimpleMeterRegistry());

    private final Argon2Hasher hasher = new Argon2Hasher(LIGHT, Argon2Hasher.ceilingFor(LIGHT), bulkheads.named("argon2"));

    @AfterEach
    void close() {
        bulkheads.named("argon2").close();
    }

    @Test
    void hashesAndChecksOffTheCallersThread() {
        String stored = hasher.hash("Sandi-Operator-2025").await().atMost(WAIT);
        assertThat(hasher.verify("Sandi-Operator-2025", stored).await().atMost(WAIT)).isTrue();
        assertThat(hasher.verify("sandi-operator-2025", stored).await().atMost(WAIT)).isFalse();
        assertThat(hasher.verify("Sandi-Operator-2025", hasher.hashBlocking("Sandi-Operator-2025")).await().atMost(WAIT)).isTrue();
        assertThat(hasher.verify("583920", Argon2idTest.OLD_APP_PIN_HASH).await().atMost(WAIT))
                .as("an old hash with heavier parameters than the new ones, within the ceiling").isTrue();
    }

    @Test
    void noStoredHashCostsAHashAndIsFalse() {
        assertThat(hasher.verify("anything", null).await().atMost(WAIT)).isFalse();
    }

    @Test
    void aFullBulkheadRefusesInsteadOfQueueingWithoutBound() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        bulkheads.named("argon2").run(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }).subscribe().with(ignored -> { });
        assertThat(running.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> hasher.verify("583920", Argon2idTest.OLD_APP_PIN_HASH).await().atMost(WAIT))
                    .isInstanceOf(ProblemException.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void parametersAboveTheirCeilingAreAMistakeOfConfiguration() {
        assertThatThrownBy(() -> new Argon2Hasher(new Argon2id.Parameters(1 << 20, 2, 1), LIGHT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
