package id.go.dukcapil.ikd.web;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Bounds one kind of CPU- or memory-heavy work (hashing, image decoding, rendering): at most
 * {@code concurrency} run at once on the bulkhead's own threads, at most {@code queue} wait, and
 * everything beyond is refused at once with {@code 503 SERVICE_BUSY} and {@code Retry-After}, so
 * a burst costs a refusal instead of the heap. It is also the suite's one way to run blocking
 * work off the event loop and continue on the caller's Vert.x context (where Hibernate Reactive
 * and the request must continue). Made by {@link Bulkheads}, which sizes it from configuration.
 */
public final class Bulkhead implements AutoCloseable {

    /** How many run at once and how many may wait. */
    public record Limits(int concurrency, int queue) {

        public Limits {
            if (concurrency < 1 || queue < 0) {
                throw new IllegalArgumentException("a bulkhead needs concurrency >= 1 and queue >= 0");
            }
        }

        /**
         * As many tasks as fit in {@code heapShare} of the maximum heap at {@code bytesPerTask}
         * each, at least one and at most {@code maxConcurrency}.
         */
        public static Limits fromHeap(long maxHeapBytes, double heapShare, long bytesPerTask, int maxConcurrency,
                int queue) {
            long fit = bytesPerTask <= 0 ? maxConcurrency : (long) (maxHeapBytes * heapShare) / bytesPerTask;
            return new Limits((int) Math.max(1, Math.min(maxConcurrency, fit)), queue);
        }
    }

    private final String name;
    private final Limits limits;
    private final Duration retryAfter;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger running = new AtomicInteger();
    private final Semaphore places;
    private final Counter rejected;

    Bulkhead(String name, Limits limits, Duration retryAfter, MeterRegistry registry) {
        this.name = name;
        this.limits = limits;
        this.retryAfter = retryAfter;
        AtomicInteger threads = new AtomicInteger();
        // admission is the semaphore's (running + waiting), released before the caller resumes, so a
        // caller that follows a finished task always finds its place; the executor's queue only holds
        // what was admitted
        this.places = new Semaphore(limits.concurrency() + limits.queue());
        this.executor = new ThreadPoolExecutor(limits.concurrency(), limits.concurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "ikd-bulkhead-" + name + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
        Gauge.builder("ikd.bulkhead.running", running, AtomicInteger::get).tag("name", name)
                .description("tasks running in the bulkhead").register(registry);
        Gauge.builder("ikd.bulkhead.queued", executor, e -> e.getQueue().size()).tag("name", name)
                .description("tasks waiting in the bulkhead").register(registry);
        Gauge.builder("ikd.bulkhead.limit", limits, Limits::concurrency).tag("name", name)
                .description("tasks the bulkhead runs at once").register(registry);
        this.rejected = Counter.builder("ikd.bulkhead.rejected").tag("name", name)
                .description("tasks refused with 503 SERVICE_BUSY because the bulkhead was full").register(registry);
    }

    public String name() {
        return name;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Runs {@code work} on the bulkhead's threads; the result (or failure) arrives on the caller's
     * Vert.x context when there is one. Fails with {@code SERVICE_BUSY} when the bulkhead is full.
     */
    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context caller = Vertx.currentContext();
            try {
                submit(() -> {
                    T result;
                    try {
                        result = measured(work);
                    } catch (Throwable failure) {
                        resume(caller, () -> emitter.fail(failure));
                        return;
                    }
                    resume(caller, () -> emitter.complete(result));
                });
            } catch (ProblemException busy) {
                emitter.fail(busy);
            }
        });
    }

    /**
     * For callers already on a worker thread: runs {@code work} within the bulkhead and waits for
     * it. Fails with {@code SERVICE_BUSY} when the bulkhead is full.
     */
    public <T> T call(Supplier<T> work) {
        admit();
        Future<T> result;
        try {
            result = executor.submit(() -> measured(work));
        } catch (RejectedExecutionException e) {
            places.release();
            throw busy();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void submit(Runnable task) {
        admit();
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            places.release();
            throw busy();
        }
    }

    private void admit() {
        if (!places.tryAcquire()) {
            throw busy();
        }
    }

    /** Runs admitted work; its place is given back as soon as it ends, before anyone hears of it. */
    private <T> T measured(Supplier<T> work) {
        running.incrementAndGet();
        try {
            return work.get();
        } finally {
            running.decrementAndGet();
            places.release();
        }
    }

    private ProblemException busy() {
        rejected.increment();
        return new ProblemException(CommonProblems.SERVICE_BUSY,
                "Terlalu banyak permintaan sejenis sedang diproses. Silakan coba lagi dalam "
                        + Math.max(1, retryAfter.toSeconds()) + " detik.",
                "Too many requests of this kind are being processed. Please try again in "
                        + Math.max(1, retryAfter.toSeconds()) + " seconds.")
                .with("bulkhead", name).retryAfter(retryAfter);
    }

    private static void resume(Context caller, Runnable continuation) {
        if (caller == null) {
            continuation.run();
        } else {
            caller.runOnContext(ignored -> continuation.run());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
