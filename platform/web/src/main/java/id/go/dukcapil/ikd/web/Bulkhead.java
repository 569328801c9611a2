package id.go.dukcapil.ikd.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * a burst costs a refusal instead of the heap; with a {@code maxWait}, work that waited that long
 * is refused the same way, so a starved replica answers in seconds. It is also the suite's one way to run blocking
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
    private final Optional<Duration> maxWait;
    private final ThreadPoolExecutor executor;
    private final ScheduledThreadPoolExecutor deadlines;
    private final AtomicInteger running = new AtomicInteger();
    private final Semaphore places;
    private final Counter rejected;
    private final Counter expired;

    Bulkhead(String name, Limits limits, Duration retryAfter, MeterRegistry registry) {
        this(name, limits, retryAfter, Optional.empty(), registry);
    }

    /**
     * With {@code maxWait}, work that has waited that long for a thread is not run: its caller
     * hears {@code SERVICE_BUSY} then, so a replica starved of CPU answers in seconds instead of
     * holding requests until the clients give up.
     */
    Bulkhead(String name, Limits limits, Duration retryAfter, Optional<Duration> maxWait, MeterRegistry registry) {
        this.name = name;
        this.limits = limits;
        this.retryAfter = retryAfter;
        this.maxWait = maxWait.filter(wait -> wait.isPositive());
        AtomicInteger threads = new AtomicInteger();
        // admission is the semaphore's (running + waiting), released before the caller resumes, so a
        // caller that follows a finished task always finds its place; the executor's queue only holds
        // what was admitted
        this.places = new Semaphore(limits.concurrency() + limits.queue());
        this.executor = new ThreadPoolExecutor(limits.concurrency(), limits.concurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> daemon(runnable, "ikd-bulkhead-" + name + "-"
                        + threads.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
        if (this.maxWait.isPresent()) {
            this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable,
                    "ikd-bulkhead-" + name + "-deadlines"));
            this.deadlines.setRemoveOnCancelPolicy(true); // a task that started takes its timer away
        } else {
            this.deadlines = null;
        }
        Gauge.builder("ikd.bulkhead.running", running, AtomicInteger::get).tag("name", name)
                .description("tasks running in the bulkhead").register(registry);
        Gauge.builder("ikd.bulkhead.queued", executor, e -> e.getQueue().size()).tag("name", name)
                .description("tasks waiting in the bulkhead").register(registry);
        Gauge.builder("ikd.bulkhead.limit", limits, Limits::concurrency).tag("name", name)
                .description("tasks the bulkhead runs at once").register(registry);
        this.rejected = Counter.builder("ikd.bulkhead.rejected").tag("name", name)
                .description("tasks refused with 503 SERVICE_BUSY because the bulkhead was full").register(registry);
        this.expired = Counter.builder("ikd.bulkhead.expired").tag("name", name)
                .description("tasks answered 503 SERVICE_BUSY because they waited longer than max-wait")
                .register(registry);
    }

    public String name() {
        return name;
    }

    public Limits limits() {
        return limits;
    }

    /** How long work may wait for a thread before its caller hears SERVICE_BUSY; empty: as long as it takes. */
    public Optional<Duration> maxWait() {
        return maxWait;
    }

    /**
     * Runs {@code work} on the bulkhead's threads; the result (or failure) arrives on the caller's
     * Vert.x context when there is one. Fails with {@code SERVICE_BUSY} when the bulkhead is full
     * or the work waited longer than {@link #maxWait()}. A subscriber that cancels while the work
     * waits takes it out of the queue.
     */
    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context caller = Vertx.currentContext();
            Task<T> task;
            try {
                task = submit(work);
            } catch (ProblemException busy) {
                emitter.fail(busy);
                return;
            }
            emitter.onTermination(task::abandon);
            task.result.whenComplete((result, failure) -> resume(caller,
                    () -> {
                        if (failure == null) {
                            emitter.complete(result);
                        } else {
                            emitter.fail(failure);
                        }
                    }));
        });
    }

    /**
     * For callers already on a worker thread: runs {@code work} within the bulkhead and waits for
     * it. Fails with {@code SERVICE_BUSY} when the bulkhead is full or the work waited too long.
     */
    public <T> T call(Supplier<T> work) {
        Task<T> task = submit(work);
        try {
            return task.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.abandon();
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

    private <T> Task<T> submit(Supplier<T> work) {
        if (!places.tryAcquire()) {
            throw busy(rejected);
        }
        Task<T> task = new Task<>(work);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            places.release();
            throw busy(rejected);
        }
        maxWait.ifPresent(wait -> task.deadline = deadlines.schedule(task::expire, wait.toNanos(),
                TimeUnit.NANOSECONDS));
        return task;
    }

    /** Admitted work: run by a thread, or expired or abandoned while waiting, whichever comes first. */
    private final class Task<T> implements Runnable {

        private static final int WAITING = 0;
        private static final int TAKEN = 1;

        final CompletableFuture<T> result = new CompletableFuture<>();
        private final Supplier<T> work;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        volatile ScheduledFuture<?> deadline;

        Task(Supplier<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(WAITING, TAKEN)) {
                return; // expired or abandoned: its place is already given back
            }
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
            running.incrementAndGet();
            T value;
            try {
                value = work.get();
            } catch (Throwable failure) {
                finished();
                result.completeExceptionally(failure);
                return;
            }
            // the place is given back before anyone hears of the result
            finished();
            result.complete(value);
        }

        private void finished() {
            running.decrementAndGet();
            places.release();
        }

        void expire() {
            if (leaveQueue()) {
                result.completeExceptionally(busy(expired));
            }
        }

        void abandon() {
            leaveQueue();
        }

        private boolean leaveQueue() {
            if (!state.compareAndSet(WAITING, TAKEN)) {
                return false;
            }
            executor.remove(this);
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
            places.release();
            return true;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private ProblemException busy(Counter reason) {
        reason.increment();
        return ProblemException.serviceBusy("bulkhead", name, retryAfter);
    }

    private static void resume(Context caller, Runnable continuation) {
        VertxContexts.on(caller).execute(continuation);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (deadlines != null) {
            deadlines.shutdownNow();
        }
    }
}
