package id.go.dukcapil.ikd.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import id.go.dukcapil.ikd.web.VertxContexts;

/**
 * Group commit for a hot path: work that arrives while one database round is in flight waits for
 * it and then goes together in the next round, one statement and one commit for all of it. An
 * idle service never waits: the first item starts a round at once. Under load a round carries
 * as many items as arrived during the previous one (at most {@code maxBatch}), so the database
 * does one parse, one commit and one WAL flush for many requests.
 *
 * <p>{@code round} gets the items in arrival order and answers one output per item, in the same
 * order; when it fails, every item of that round fails with the same error (nothing of it was
 * committed). Each caller resumes on the Vert.x context it submitted from.
 */
public final class GroupCommit<I, O> {

    private record Pending<I, O>(I item, UniEmitter<? super O> emitter, Context context) {
    }

    private final Function<List<I>, Uni<List<O>>> round;
    private final int maxBatch;
    private final DistributionSummary batchSizes;
    private final Object lock = new Object();
    private List<Pending<I, O>> waiting = new ArrayList<>();
    private boolean roundInFlight;

    /** {@code name} tags the metric {@code ikd.group.commit.batch} (items per round). */
    public GroupCommit(String name, int maxBatch, MeterRegistry registry, Function<List<I>, Uni<List<O>>> round) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.round = round;
        this.batchSizes = DistributionSummary.builder("ikd.group.commit.batch").tag("name", name)
                .description("Items that one group-commit round carried").register(registry);
    }

    public Uni<O> submit(I item) {
        return Uni.createFrom().emitter(emitter -> {
            List<Pending<I, O>> batch = null;
            synchronized (lock) {
                waiting.add(new Pending<>(item, emitter, Vertx.currentContext()));
                if (!roundInFlight) {
                    roundInFlight = true;
                    batch = takeBatch();
                }
            }
            if (batch != null) {
                run(batch);
            }
        });
    }

    /** Under {@link #lock}: the next round's items, oldest first. */
    private List<Pending<I, O>> takeBatch() {
        if (waiting.size() <= maxBatch) {
            List<Pending<I, O>> batch = waiting;
            waiting = new ArrayList<>();
            return batch;
        }
        List<Pending<I, O>> head = waiting.subList(0, maxBatch);
        List<Pending<I, O>> batch = new ArrayList<>(head);
        head.clear();
        return batch;
    }

    private void run(List<Pending<I, O>> batch) {
        batchSizes.record(batch.size());
        List<I> items = new ArrayList<>(batch.size());
        batch.forEach(pending -> items.add(pending.item()));
        Uni<List<O>> outcome;
        try {
            outcome = round.apply(items);
        } catch (RuntimeException e) {
            outcome = Uni.createFrom().failure(e);
        }
        outcome.subscribe().with(outputs -> {
            if (outputs.size() != batch.size()) {
                failAll(batch, new IllegalStateException(
                        "a group-commit round answered " + outputs.size() + " outputs for " + batch.size() + " items"));
            } else {
                for (int i = 0; i < batch.size(); i++) {
                    complete(batch.get(i), outputs.get(i));
                }
            }
            nextRound();
        }, failure -> {
            failAll(batch, failure);
            nextRound();
        });
    }

    private void nextRound() {
        List<Pending<I, O>> batch;
        synchronized (lock) {
            if (waiting.isEmpty()) {
                roundInFlight = false;
                return;
            }
            batch = takeBatch();
        }
        run(batch);
    }

    private void failAll(List<Pending<I, O>> batch, Throwable failure) {
        batch.forEach(pending -> resume(pending, () -> pending.emitter().fail(failure)));
    }

    private void complete(Pending<I, O> pending, O output) {
        resume(pending, () -> pending.emitter().complete(output));
    }

    private static void resume(Pending<?, ?> pending, Runnable action) {
        VertxContexts.on(pending.context()).execute(action);
    }
}
