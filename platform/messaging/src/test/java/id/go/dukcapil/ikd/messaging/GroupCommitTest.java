package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/** The group commit's rounds, with a round that the test finishes by hand (no database needed to see the batching). */
class GroupCommitTest {

    /** Rounds that answer each item doubled, once the test completes them. */
    private static final class ManualRounds {
        final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<List<Integer>>> open = new CopyOnWriteArrayList<>();

        Uni<List<Integer>> round(List<Integer> items) {
            batches.add(List.copyOf(items));
            CompletableFuture<List<Integer>> done = new CompletableFuture<>();
            open.add(done);
            return Uni.createFrom().completionStage(done);
        }

        void finish(int round) {
            open.get(round).complete(batches.get(round).stream().map(i -> i * 2).toList());
        }

        void fail(int round, RuntimeException failure) {
            open.get(round).completeExceptionally(failure);
        }
    }

    @Test
    void anIdleBatcherStartsARoundAtOnce() {
        ManualRounds rounds = new ManualRounds();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 10, new SimpleMeterRegistry(), rounds::round);

        UniAssertSubscriber<Integer> first = commit.submit(7).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertThat(rounds.batches).containsExactly(List.of(7));
        rounds.finish(0);
        first.assertItem(14);
    }

    @Test
    void whatArrivesDuringARoundGoesTogetherInTheNextOneAndEachGetsItsOwnAnswer() {
        ManualRounds rounds = new ManualRounds();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 10, new SimpleMeterRegistry(), rounds::round);

        UniAssertSubscriber<Integer> first = commit.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create());
        List<UniAssertSubscriber<Integer>> waiting = new ArrayList<>();
        for (int i = 2; i <= 5; i++) {
            waiting.add(commit.submit(i).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        assertThat(rounds.batches).as("nothing more starts while the first round is in flight").hasSize(1);
        waiting.forEach(UniAssertSubscriber::assertNotTerminated);

        rounds.finish(0);
        first.assertItem(2);
        assertThat(rounds.batches).containsExactly(List.of(1), List.of(2, 3, 4, 5));
        rounds.finish(1);
        for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).assertItem((i + 2) * 2);
        }
    }

    @Test
    void aRoundCarriesAtMostMaxBatchItems() {
        ManualRounds rounds = new ManualRounds();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("claims", 2, registry, rounds::round);

        List<UniAssertSubscriber<Integer>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(commit.submit(i).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        for (int round = 0; round < 4; round++) {
            rounds.finish(round);
        }
        assertThat(rounds.batches).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5));
        var sizes = registry.get("ikd.group.commit.batch").tag("name", "claims").summary();
        assertThat(sizes.count()).isEqualTo(4);
        assertThat(sizes.totalAmount()).isEqualTo(6);
        assertThat(sizes.max()).isEqualTo(2);
        for (int i = 0; i < all.size(); i++) {
            all.get(i).assertItem(i * 2);
        }
    }

    @Test
    void aFailedRoundFailsEachOfItsItemsAndTheNextRoundStillRuns() {
        ManualRounds rounds = new ManualRounds();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 10, new SimpleMeterRegistry(), rounds::round);

        UniAssertSubscriber<Integer> first = commit.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Integer> second = commit.submit(2).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Integer> third = commit.submit(3).subscribe().withSubscriber(UniAssertSubscriber.create());
        rounds.fail(0, new IllegalStateException("database down"));
        first.assertFailedWith(IllegalStateException.class, "database down");
        rounds.fail(1, new IllegalStateException("still down"));
        second.assertFailedWith(IllegalStateException.class, "still down");
        third.assertFailedWith(IllegalStateException.class, "still down");

        UniAssertSubscriber<Integer> later = commit.submit(4).subscribe().withSubscriber(UniAssertSubscriber.create());
        rounds.finish(2);
        later.assertItem(8);
    }

    @Test
    void aRoundThatThrowsOrAnswersTheWrongNumberOfOutputsFailsItsItems() {
        GroupCommit<Integer, Integer> throwing = new GroupCommit<>("test", 10, new SimpleMeterRegistry(), items -> {
            throw new IllegalArgumentException("bad statement");
        });
        throwing.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(IllegalArgumentException.class, "bad statement");

        GroupCommit<Integer, Integer> short_ = new GroupCommit<>("test", 10, new SimpleMeterRegistry(), items -> Uni.createFrom().item(List.of()));
        short_.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(IllegalStateException.class, "answered 0 outputs for 1 items");
        short_.submit(2).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(IllegalStateException.class, "answered 0 outputs");
    }

    @Test
    void concurrentSubmittersAllGetTheirOwnAnswerAndNoRoundOverlapsAnother() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 64, new SimpleMeterRegistry(), items -> Uni.createFrom().item(() -> {
            if (inFlight.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            rounds.incrementAndGet();
            List<Integer> outputs = items.stream().map(i -> -i).toList();
            inFlight.decrementAndGet();
            return outputs;
        }).runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool()));

        int threads = 4;
        int perThread = 500;
        CountDownLatch done = new CountDownLatch(threads * perThread);
        AtomicInteger wrong = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            Thread.ofPlatform().start(() -> {
                for (int i = base; i < base + perThread; i++) {
                    int item = i;
                    commit.submit(item).subscribe().with(answer -> {
                        if (answer != -item) {
                            wrong.incrementAndGet();
                        }
                        done.countDown();
                    }, failure -> {
                        wrong.incrementAndGet();
                        done.countDown();
                    });
                }
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong).hasValue(0);
        assertThat(overlaps).hasValue(0);
        assertThat(rounds.get()).isBetween(1, threads * perThread);
    }
}
