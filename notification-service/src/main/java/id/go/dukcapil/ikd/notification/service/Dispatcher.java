package id.go.dukcapil.ikd.notification.service;

import java.time.Instant;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.notification.delivery.DeliveryOutcome;
import id.go.dukcapil.ikd.notification.delivery.EmailSender;
import id.go.dukcapil.ikd.notification.delivery.MessageRenderer;
import id.go.dukcapil.ikd.notification.delivery.RenderedMessage;
import id.go.dukcapil.ikd.notification.delivery.SealedSecretsOpener;
import id.go.dukcapil.ikd.notification.delivery.SmsSender;
import id.go.dukcapil.ikd.notification.domain.Notification;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The retry loop: each round claims due messages (several replicas may run it; rows are locked
 * with SKIP LOCKED), sends them one by one, and records each outcome in its own transaction.
 * Claim, send and record are three steps on purpose: a crash after sending leaves the row
 * SENDING, which {@link #reconcile()} turns into UNKNOWN instead of sending again.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final NotificationService service;
    private final MessageRenderer renderer;
    private final EmailSender email;
    private final SmsSender sms;

    public Dispatcher(NotificationService service, MessageRenderer renderer, EmailSender email, SmsSender sms) {
        this.service = service;
        this.renderer = renderer;
        this.email = email;
        this.sms = sms;
    }

    @Scheduled(every = "${ikd.notification.dispatch.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchDue() {
        Executor roundContext = currentContext();
        return service.claimDue()
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                // one at a time: the records share this context's Hibernate Reactive session
                .onItem().transformToUniAndConcatenate(notification -> attempt(notification, roundContext))
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("dispatch round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "${ikd.notification.dispatch.reconcile-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        return service.markInterruptedAttempts().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("reconciliation round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> attempt(Notification notification, Executor roundContext) {
        return Uni.createFrom().deferred(() -> deliver(notification))
                .onFailure().recoverWithItem(Dispatcher::unsendable)
                // the mailer and the REST client may answer on another thread; Hibernate Reactive
                // must run on this round's Vert.x context
                .emitOn(roundContext)
                .chain(outcome -> service.recordOutcome(notification.id, outcome))
                // a failed record leaves the row SENDING: reconciliation marks it UNKNOWN, never resends
                .onFailure().invoke(e -> LOG.errorf("outcome of notification %s not recorded: %s", notification.id,
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private static Executor currentContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("the dispatcher runs on a Vert.x context");
        }
        return command -> {
            if (Vertx.currentContext() == context) {
                command.run();
            } else {
                context.runOnContext(ignored -> command.run());
            }
        };
    }

    private Uni<DeliveryOutcome> deliver(Notification notification) {
        if (notification.expiredAt(Instant.now())) {
            return Uni.createFrom().item(DeliveryOutcome.refused("EXPIRED"));
        }
        RenderedMessage message = renderer.render(notification);
        if (notification.channel == NotificationChannel.SMS) {
            return sms.send(notification.recipient, message.text(), notification.id);
        }
        return email.send(notification.recipient, message);
    }

    /** Rendering failed: a sealed secret we cannot open will never open; anything else may be fixed by a deploy. */
    private static DeliveryOutcome unsendable(Throwable failure) {
        if (failure instanceof SealedSecretsOpener.UnreadableSecretsException) {
            return DeliveryOutcome.refused("SEALED_SECRETS_UNREADABLE");
        }
        LOG.errorf("rendering failed: %s", failure.getClass().getName());
        return DeliveryOutcome.retry("RENDERING_FAILED: " + failure.getClass().getSimpleName());
    }
}
