package id.go.dukcapil.ikd.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.messaging.CommitSignals;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import id.go.dukcapil.ikd.notification.delivery.DeliveryOutcome;
import id.go.dukcapil.ikd.notification.delivery.EmailSender;
import id.go.dukcapil.ikd.notification.delivery.MessageRenderer;
import id.go.dukcapil.ikd.notification.delivery.RenderedMessage;
import id.go.dukcapil.ikd.notification.delivery.SealedSecretsOpener;
import id.go.dukcapil.ikd.notification.delivery.SmsSender;
import id.go.dukcapil.ikd.notification.domain.Notification;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends due messages. A round claims only as many messages as it sends at once
 * ({@code ikd.notification.dispatch.concurrency}; several replicas may run rounds, rows are locked
 * with SKIP LOCKED), sends them concurrently, and records each outcome. Rounds follow each other
 * while messages are due, and start the moment a consumer's transaction commits a new message
 * (the table's trigger signals it); the periodic round is only a safety net.
 * <p>
 * Claim, send and record are separate steps on purpose. A claim is a lease: if its owner dies
 * before recording, another round takes the message over after {@code dispatch.lease} and sends it
 * again under the same Message-ID (and SMS idempotency key), so nothing is lost and a receiver can
 * recognise the repeat. An outcome that cannot be recorded (database away) is kept and recorded
 * when the database is back ({@link UnrecordedOutcomes}), never turned into a failure. Every send
 * has a deadline ({@code dispatch.send-timeout}, shorter than the lease) and so has every round:
 * a mail server that takes a connection and never answers delays its messages, it does not stop
 * the dispatcher.
 */
@ApplicationScoped
public class Dispatcher {

    static final String SIGNAL = "ikd_notification";
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryOutcomes outcomes;
    private final MessageRenderer renderer;
    private final EmailSender email;
    private final SmsSender sms;
    private final CommitSignals signals;
    private final DispatchContexts contexts;
    private final UnrecordedOutcomes unrecorded;
    private final NotificationConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopping;

    public Dispatcher(DeliveryOutcomes outcomes, MessageRenderer renderer, EmailSender email, SmsSender sms,
            CommitSignals signals, DispatchContexts contexts, UnrecordedOutcomes unrecorded,
            NotificationConfig config) {
        this.outcomes = outcomes;
        this.renderer = renderer;
        this.email = email;
        this.sms = sms;
        this.signals = signals;
        this.contexts = contexts;
        this.unrecorded = unrecorded;
        this.config = config;
    }

    void listen(@Observes StartupEvent ignored) {
        requireSendShorterThanLease(config.dispatch().sendTimeout(), config.dispatch().lease());
        signals.listen(SIGNAL, this::wakeUp);
    }

    /** Otherwise a live replica's send could outlast its lease, and another replica would send it again. */
    static void requireSendShorterThanLease(Duration sendTimeout, Duration lease) {
        if (sendTimeout.compareTo(lease) >= 0) {
            throw new IllegalStateException("ikd.notification.dispatch.send-timeout (" + sendTimeout
                    + ") must be shorter than ikd.notification.dispatch.lease (" + lease + ")");
        }
    }

    @Scheduled(every = "${ikd.notification.dispatch.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicRound() {
        wakeUp();
    }

    /**
     * Runs rounds now, or one more right after the round in progress: wake-ups during a round fold
     * into one, so a burst of commits never queues a round per message.
     */
    public void wakeUp() {
        if (stopping) {
            return;
        }
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            contexts.run(this::loop);
        }
    }

    private void loop() {
        wanted.set(false);
        Duration roundDeadline = config.dispatch().sendTimeout().multipliedBy(2);
        round().ifNoItem().after(roundDeadline).fail()
                .subscribe().with(this::afterRound, failure -> {
                    if (failure instanceof TimeoutException) {
                        // the late round may still be using this context's session: the next round
                        // (a commit signal or the periodic one) starts on a context of its own
                        LOG.warnf("dispatch round still unfinished after %s: left behind, the next round starts afresh",
                                roundDeadline);
                        running.set(false);
                        return;
                    }
                    LOG.warnf("dispatch round failed: %s", failure.getMessage());
                    afterRound(false);
                });
    }

    private void afterRound(boolean claimedFull) {
        if (!stopping && (claimedFull || wanted.get())) {
            loop();
            return;
        }
        running.set(false);
        // a wake-up between the check above and the reset must not be lost
        if (!stopping && wanted.get() && running.compareAndSet(false, true)) {
            loop();
        }
    }

    /**
     * A stopping replica (SIGTERM: a rollout, a scale-down, {@code ./ikd} restarting it) starts no
     * new round, lets the round in flight record what it sent, and records the outcomes it kept
     * during a database blip: otherwise their leases expire and another replica sends those
     * messages a second time. Bounded by {@code dispatch.drain-timeout}.
     */
    void drain(@Observes ShutdownEvent ignored) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + config.dispatch().drainTimeout().toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!unrecorded.ids().isEmpty()) {
            CountDownLatch recorded = new CountDownLatch(1);
            contexts.run(() -> unrecorded.recordPending().subscribe().with(done -> recorded.countDown(),
                    failure -> recorded.countDown()));
            recorded.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        if (running.get() || !unrecorded.ids().isEmpty()) {
            LOG.warnf("stopped with a dispatch round in flight or %d outcomes unrecorded: their leases expire"
                    + " and the messages are sent again under the same Message-ID", unrecorded.ids().size());
        }
    }

    @Scheduled(every = "${ikd.notification.dispatch.reconcile-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        return unrecorded.recordPending()
                .chain(() -> outcomes.takeOverAbandonedAttempts(unrecorded.ids()))
                .invoke(taken -> {
                    if (taken > 0) {
                        wakeUp();
                    }
                })
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("reconciliation round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** One round; true when it claimed a full batch, so that more may be due. */
    Uni<Boolean> round() {
        int concurrency = config.dispatch().concurrency();
        return unrecorded.recordPending()
                .chain(() -> outcomes.claimDue(concurrency))
                .chain(claimed -> sendAll(claimed).replaceWith(claimed.size() >= concurrency));
    }

    private Uni<Void> sendAll(List<Notification> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var roundContext = contexts.current();
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(notification -> Uni.createFrom().deferred(() -> deliver(notification))
                        .onFailure().recoverWithItem(Dispatcher::unsendable)
                        // a server that took the connection and never answers: retried later, same Message-ID
                        .ifNoItem().after(config.dispatch().sendTimeout())
                        .recoverWithItem(() -> DeliveryOutcome.retry("SEND_TIMEOUT"))
                        .map(outcome -> new Attempt(notification, outcome))
                        // the mailer and the REST client answer on other threads; Hibernate Reactive
                        // must continue on this round's context
                        .emitOn(roundContext))
                .merge(claimed.size())
                // outcomes are recorded one at a time: they share this context's session
                .onItem().transformToUniAndConcatenate(this::record)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> record(Attempt attempt) {
        return outcomes.recordOutcome(attempt.notification().id, attempt.outcome())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("outcome of notification %s not recorded yet (%s): kept to record later",
                            attempt.notification().id, failure.getMessage());
                    unrecorded.keep(attempt.notification().id, attempt.outcome());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<DeliveryOutcome> deliver(Notification notification) {
        if (notification.expiredAt(Instant.now())) {
            return Uni.createFrom().item(DeliveryOutcome.refused("EXPIRED"));
        }
        RenderedMessage message = renderer.render(notification);
        if (notification.channel == NotificationChannel.SMS) {
            return sms.send(notification.recipient, message.text(), notification.id);
        }
        return email.send(notification.recipient, message, notification.id);
    }

    /** Rendering failed: a sealed secret we cannot open will never open; anything else may be fixed by a deploy. */
    private static DeliveryOutcome unsendable(Throwable failure) {
        if (failure instanceof SealedSecretsOpener.UnreadableSecretsException) {
            return DeliveryOutcome.refused("SEALED_SECRETS_UNREADABLE");
        }
        LOG.errorf("rendering failed: %s", failure.getClass().getName());
        return DeliveryOutcome.retry("RENDERING_FAILED: " + failure.getClass().getSimpleName());
    }

    private record Attempt(Notification notification, DeliveryOutcome outcome) {
    }
}
