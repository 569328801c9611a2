package id.go.dukcapil.ikd.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Admission control for one kind of request: at most {@code inFlight} are being served at once,
 * at most {@code queue} wait for a place, each at most {@code maxWait}; everything beyond is
 * answered at once with {@code 503 SERVICE_BUSY} and {@code Retry-After}. A burst then costs the
 * refusals, not the database pool and CPU of the requests already admitted, and no request waits
 * unboundedly in front of the work (the reactive pool's own wait queue has neither a bound nor a
 * deadline). Unlike a {@link Bulkhead} it runs nothing itself: a place is held from admission
 * until {@link Pass#release()}, typically when the response has been sent. Made by
 * {@link AdmissionGates}.
 */
public final class AdmissionGate implements AutoCloseable {

    /** How many are served at once, how many may wait and how long, and the wait sent to clients. */
    public record Limits(int inFlight, int queue, Optional<Duration> maxWait, Duration retryAfter) {

        public Limits {
            if (inFlight < 1 || queue < 0) {
                throw new IllegalArgumentException("an admission gate needs in-flight >= 1 and queue >= 0");
            }
            maxWait = maxWait.filter(Duration::isPositive);
        }
    }

    private final String name;
    private final Limits limits;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>(); // guarded by this
    private int admitted; // guarded by this
    private final ScheduledThreadPoolExecutor deadlines;
    private final Counter rejected;
    private final Counter expired;

    AdmissionGate(String name, Limits limits, MeterRegistry registry) {
        this.name = name;
        this.limits = limits;
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ikd-admission-" + name + "-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
        Gauge.builder("ikd.admission.in.flight", this, AdmissionGate::inFlight).tag("name", name)
                .description("requests admitted and not yet answered").register(registry);
        Gauge.builder("ikd.admission.waiting", this, AdmissionGate::waitingCount).tag("name", name)
                .description("requests waiting for admission").register(registry);
        Gauge.builder("ikd.admission.limit", limits, Limits::inFlight).tag("name", name)
                .description("requests served at once").register(registry);
        this.rejected = Counter.builder("ikd.admission.rejected").tag("name", name)
                .description("requests answered 503 SERVICE_BUSY because every place and the queue were taken")
                .register(registry);
        this.expired = Counter.builder("ikd.admission.expired").tag("name", name)
                .description("requests answered 503 SERVICE_BUSY because they waited longer than max-wait")
                .register(registry);
    }

    public String name() {
        return name;
    }

    public Limits limits() {
        return limits;
    }

    public synchronized int inFlight() {
        return admitted;
    }

    public synchronized int waitingCount() {
        return waiting.size();
    }

    /**
     * A place, emitted on the caller's Vert.x context when there is one: at once when one is free,
     * after a wait when the queue has room, otherwise a failure with {@code SERVICE_BUSY}. A
     * subscriber that cancels while it waits leaves the queue.
     */
    public Uni<Pass> enter() {
        return Uni.createFrom().deferred(() -> {
            Waiter waiter = new Waiter(Vertx.currentContext());
            return Uni.createFrom().<Pass> emitter(waiter::arrive).onCancellation().invoke(waiter::cancel);
        });
    }

    /**
     * Refuses at once, without taking a place, when every place and the queue are taken: lets a
     * request be turned away before its body is read, where turning it away costs least.
     */
    public Optional<ProblemException> refusalWhenFull() {
        synchronized (this) {
            if (admitted < limits.inFlight() || waiting.size() < limits.queue()) {
                return Optional.empty();
            }
        }
        return Optional.of(busy(rejected));
    }

    /** Gives the place to the next waiter, or frees it. */
    private void leave() {
        Waiter next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                admitted--;
                return;
            }
        }
        next.admit();
    }

    private synchronized boolean dequeue(Waiter waiter) {
        return waiting.remove(waiter);
    }

    private ProblemException busy(Counter reason) {
        reason.increment();
        return ProblemException.serviceBusy("admission", name, limits.retryAfter());
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }

    /** One admitted request's place; giving it back twice gives it back once. */
    public final class Pass {

        private final AtomicBoolean released = new AtomicBoolean();

        private Pass() {
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                leave();
            }
        }
    }

    /** A request at the gate: admitted at once, or queued until admitted, expired or cancelled. */
    private final class Waiter {

        private final Context caller;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile UniEmitter<? super Pass> emitter;
        private volatile ScheduledFuture<?> deadline;

        Waiter(Context caller) {
            this.caller = caller;
        }

        void arrive(UniEmitter<? super Pass> emitter) {
            this.emitter = emitter;
            boolean queued;
            synchronized (AdmissionGate.this) {
                if (admitted < limits.inFlight()) {
                    admitted++;
                    queued = false;
                } else if (waiting.size() < limits.queue()) {
                    waiting.add(this);
                    queued = true;
                } else {
                    settled.set(true);
                    emitter.fail(busy(rejected));
                    return;
                }
            }
            if (!queued) {
                settled.set(true);
                emitter.complete(new Pass());
                return;
            }
            limits.maxWait().ifPresent(wait -> deadline = deadlines.schedule(this::expire, wait.toNanos(),
                    TimeUnit.NANOSECONDS));
        }

        /** Called with the place of a request that left: it is this waiter's now. */
        void admit() {
            if (!settled.compareAndSet(false, true)) {
                leave(); // expired or cancelled meanwhile: the place goes on
                return;
            }
            stopClock();
            VertxContexts.on(caller).execute(() -> {
                Pass pass = new Pass();
                if (cancelled) {
                    pass.release();
                } else {
                    emitter.complete(pass);
                }
            });
        }

        void expire() {
            if (settled.compareAndSet(false, true)) {
                dequeue(this);
                ProblemException busy = busy(expired);
                VertxContexts.on(caller).execute(() -> emitter.fail(busy));
            }
        }

        /** The caller gave up (its connection closed): out of the queue, or its place given back. */
        void cancel() {
            cancelled = true;
            if (settled.compareAndSet(false, true)) {
                dequeue(this);
                stopClock();
            }
        }

        private void stopClock() {
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }
}
