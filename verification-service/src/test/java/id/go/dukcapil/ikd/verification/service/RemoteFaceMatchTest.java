package id.go.dukcapil.ikd.verification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.verification.client.FaceMatchClient;
import id.go.dukcapil.ikd.verification.config.FaceMatchConfig;
import id.go.dukcapil.ikd.verification.domain.FaceImage;
import id.go.dukcapil.ikd.verification.domain.FaceMatchScore;
import id.go.dukcapil.ikd.web.Bulkheads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * The remote provider's bounds without a server: one call at a time and none waiting (the
 * {@code face-match} bulkhead), a timeout, and a client that fails: each is a score "unavailable"
 * with its reason, never a failure of the page.
 */
class RemoteFaceMatchTest {

    private static final FaceImage IMAGE = new FaceImage("image/png", new byte[] { 1, 2, 3 });

    private static FaceMatchConfig config(Duration timeout) {
        return new FaceMatchConfig() {
            public Provider provider() {
                return Provider.REMOTE;
            }

            public Optional<URI> url() {
                return Optional.of(URI.create("http://127.0.0.1:9/v1/face/compare"));
            }

            public Duration timeout() {
                return timeout;
            }

            public Optional<String> apiKey() {
                return Optional.empty();
            }
        };
    }

    /** The face-match bulkhead with one place and no queue. */
    private static Bulkheads oneAtATime() {
        Bulkheads.Config.Limit limit = new Bulkheads.Config.Limit() {
            public Optional<Integer> concurrency() {
                return Optional.of(1);
            }

            public MemorySize memoryPerTask() {
                return null;
            }

            public double heapShare() {
                return 0.25;
            }

            public int maxConcurrency() {
                return 1;
            }

            public int queue() {
                return 0;
            }

            public Optional<Duration> maxWait() {
                return Optional.empty();
            }

            public Duration retryAfter() {
                return Duration.ofSeconds(1);
            }
        };
        return new Bulkheads(() -> Map.of(RemoteFaceMatch.BULKHEAD, limit), new SimpleMeterRegistry());
    }

    /** A provider that answers 0.5 once released. */
    private static final class HeldClient extends FaceMatchClient {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldClient(FaceMatchConfig config) {
            super(config, new ObjectMapper());
        }

        @Override
        public FaceMatchScore compare(FaceImage selfie, FaceImage registryPhoto) {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FaceMatchScore.scored(0.5, "held", "1");
        }
    }

    @Test
    void aCallBeyondTheBulkheadIsUnavailableAtOnceAndTheFirstStillGetsItsScore() throws InterruptedException {
        FaceMatchConfig config = config(Duration.ofSeconds(5));
        HeldClient client = new HeldClient(config);
        RemoteFaceMatch remote = new RemoteFaceMatch(client, oneAtATime(), config);
        AtomicReference<FaceMatchScore> first = new AtomicReference<>();
        remote.compare(IMAGE, IMAGE).subscribe().with(first::set);
        assertThat(client.started.await(5, TimeUnit.SECONDS)).isTrue();

        FaceMatchScore second = remote.compare(IMAGE, IMAGE).await().atMost(Duration.ofSeconds(2));
        assertThat(second.outcome()).isEqualTo(FaceMatchScore.Outcome.UNAVAILABLE);
        assertThat(second.reasonId()).startsWith("terlalu banyak permintaan skor");
        assertThat(second.reasonEn()).startsWith("too many score requests");

        client.release.countDown();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> first.get() != null);
        assertThat(first.get().scored()).isTrue();
        assertThat(first.get().scoreText()).isEqualTo("0,50");
    }

    @Test
    void aProviderSlowerThanTheTimeoutIsUnavailableWhenTheTimeoutEnds() {
        FaceMatchConfig config = config(Duration.ofMillis(300));
        HeldClient client = new HeldClient(config);
        long started = System.nanoTime();
        FaceMatchScore score = new RemoteFaceMatch(client, oneAtATime(), config).compare(IMAGE, IMAGE)
                .await().atMost(Duration.ofSeconds(5));
        client.release.countDown();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(score.outcome()).isEqualTo(FaceMatchScore.Outcome.UNAVAILABLE);
        assertThat(score.reasonEn()).startsWith("the face-match service did not answer within");
    }

    @Test
    void aClientThatFailsIsUnavailable() {
        FaceMatchConfig config = config(Duration.ofSeconds(2));
        FaceMatchClient failing = new FaceMatchClient(config, new ObjectMapper()) {
            @Override
            public FaceMatchScore compare(FaceImage selfie, FaceImage registryPhoto) {
                throw new IllegalStateException("boom");
            }
        };
        FaceMatchScore score = new RemoteFaceMatch(failing, oneAtATime(), config).compare(IMAGE, IMAGE)
                .await().atMost(Duration.ofSeconds(5));
        assertThat(score.outcome()).isEqualTo(FaceMatchScore.Outcome.UNAVAILABLE);
        assertThat(score.reasonEn()).isEqualTo("asking for the score failed");
    }

    @Test
    void theBuiltInDefaultGivesNoScoreAndSaysWhy() {
        FaceMatchScore score = new BuiltInFaceMatch().compare(IMAGE, IMAGE).await().indefinitely();
        assertThat(score.outcome()).isEqualTo(FaceMatchScore.Outcome.NOT_PROVIDED);
        assertThat(score.reasonId()).contains("OpenCV Haar cascade").contains("pengenalan wajah Dukcapil");
        assertThat(score.reasonEn()).contains("cannot recognise").contains("vendor SDK");
    }
}
