package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

class BulkheadTest {

    @Test
    void refusesBeyondConcurrencyAndQueueWithServiceBusyAndRetryAfter() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Bulkhead bulkhead = new Bulkhead("test", new Bulkhead.Limits(2, 1), Duration.ofSeconds(3), registry)) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger peak = new AtomicInteger();
            AtomicInteger running = new AtomicInteger();
            List<Uni<Integer>> accepted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                accepted.add(bulkhead.run(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    await(release);
                    running.decrementAndGet();
                    return n;
                }));
            }
            List<java.util.concurrent.CompletableFuture<Integer>> results = accepted.stream()
                    .map(Uni::subscribeAsCompletionStage).toList();
            Thread.sleep(100);

            assertThatThrownBy(() -> bulkhead.run(() -> 99).await().atMost(Duration.ofSeconds(1)))
                    .isInstanceOfSatisfying(ProblemException.class, busy -> {
                        assertThat(busy.type()).isEqualTo(CommonProblems.SERVICE_BUSY);
                        assertThat(busy.type().status()).isEqualTo(503);
                        assertThat(busy.retryAfter()).contains(Duration.ofSeconds(3));
                        assertThat(busy.extensions()).containsEntry("bulkhead", "test");
                    });
            assertThatThrownBy(() -> bulkhead.call(() -> 99)).isInstanceOf(ProblemException.class);
            assertThat(registry.get("ikd.bulkhead.rejected").counter().count()).isEqualTo(2.0);

            release.countDown();
            for (int i = 0; i < 3; i++) {
                assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(peak.get()).isEqualTo(2);
            assertThat(bulkhead.call(() -> 7)).isEqualTo(7);
        }
    }

    @Test
    void workThatWaitedLongerThanMaxWaitIsAnsweredServiceBusyWithoutRunning() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Bulkhead bulkhead = new Bulkhead("wait", new Bulkhead.Limits(1, 4), Duration.ofSeconds(2),
                Optional.of(Duration.ofMillis(300)), registry)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            java.util.concurrent.CompletableFuture<Integer> holder = bulkhead.run(() -> {
                started.countDown();
                await(release);
                return 1;
            }).subscribeAsCompletionStage();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicInteger ranLate = new AtomicInteger();

            // the only thread is held: the queued work can end only by its deadline
            assertThatThrownBy(() -> bulkhead.run(() -> ranLate.incrementAndGet()).await()
                    .atMost(Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(ProblemException.class, busy -> {
                        assertThat(busy.type()).isEqualTo(CommonProblems.SERVICE_BUSY);
                        assertThat(busy.retryAfter()).contains(Duration.ofSeconds(2));
                        assertThat(busy.extensions()).containsEntry("bulkhead", "wait");
                    });
            assertThatThrownBy(() -> bulkhead.call(ranLate::incrementAndGet))
                    .isInstanceOfSatisfying(ProblemException.class,
                            busy -> assertThat(busy.type()).isEqualTo(CommonProblems.SERVICE_BUSY));
            assertThat(holder).isNotDone();
            assertThat(registry.get("ikd.bulkhead.expired").counter().count()).isEqualTo(2.0);
            assertThat(registry.get("ikd.bulkhead.rejected").counter().count()).isZero();

            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            // the expired work never ran, and its places came back: the queue takes four again
            List<java.util.concurrent.CompletableFuture<Integer>> next = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                next.add(bulkhead.run(() -> 2).subscribeAsCompletionStage());
            }
            for (java.util.concurrent.CompletableFuture<Integer> answer : next) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            }
            assertThat(ranLate.get()).isZero();
        }
    }

    @Test
    void aCallerThatGivesUpTakesItsWorkOutOfTheQueue() throws Exception {
        try (Bulkhead bulkhead = new Bulkhead("cancel", new Bulkhead.Limits(1, 1), Duration.ofSeconds(1),
                new SimpleMeterRegistry())) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            java.util.concurrent.CompletableFuture<Integer> holder = bulkhead.run(() -> {
                started.countDown();
                await(release);
                return 1;
            }).subscribeAsCompletionStage();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicInteger ran = new AtomicInteger();
            bulkhead.run(ran::incrementAndGet).subscribe().with(ignored -> { }).cancel();

            // its place is free again: one more may wait
            java.util.concurrent.CompletableFuture<Integer> waiting = bulkhead.run(() -> 3).subscribeAsCompletionStage();
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(ran.get()).isZero();
        }
    }

    @Test
    void failuresOfTheWorkReachTheCaller() {
        try (Bulkhead bulkhead = new Bulkhead("fail", new Bulkhead.Limits(1, 0), Duration.ofSeconds(1),
                new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> bulkhead.run(() -> {
                throw new IllegalArgumentException("bad image");
            }).await().atMost(Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad image");
            assertThatThrownBy(() -> bulkhead.call(() -> {
                throw new IllegalStateException("bad hash");
            })).isInstanceOf(IllegalStateException.class).hasMessage("bad hash");
        }
    }

    @Test
    void sizedFromTheHeap() {
        assertThat(Bulkhead.Limits.fromHeap(384L << 20, 0.25, 32L << 20, 8, 4).concurrency()).isEqualTo(3);
        assertThat(Bulkhead.Limits.fromHeap(64L << 20, 0.25, 128L << 20, 8, 4).concurrency()).isEqualTo(1);
        assertThat(Bulkhead.Limits.fromHeap(8L << 30, 0.5, 1L << 20, 4, 4).concurrency()).isEqualTo(4);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
