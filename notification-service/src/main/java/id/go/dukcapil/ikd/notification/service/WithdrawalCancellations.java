package id.go.dukcapil.ikd.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.notification.repository.NotificationRepository;
import io.smallrye.mutiny.Uni;

/**
 * A registration stopped (RegistrationWithdrawn): nothing more is sent to the citizen about it.
 * When the citizen withdrew it (UU PDP erasure) their messages are deleted too, addresses and
 * contents with them; a message a dispatcher is sending at that instant finishes and goes with the
 * retention job, and the recipient record with them. Otherwise (expired, superseded) the waiting
 * messages fail as WITHDRAWN and are kept like any finished message, and the recipient's retention
 * period starts.
 */
@ApplicationScoped
public class WithdrawalCancellations {

    /** lastError of a message cancelled because its registration stopped. */
    public static final String WITHDRAWN = "WITHDRAWN";

    private static final Logger LOG = Logger.getLogger(WithdrawalCancellations.class);

    private final NotificationRepository repository;
    private final RecipientBook recipients;

    public WithdrawalCancellations(NotificationRepository repository, RecipientBook recipients) {
        this.repository = repository;
        this.recipients = recipients;
    }

    /** Runs in the consumer's inbox transaction; a redelivery finds nothing left to do. */
    public Uni<Void> onWithdrawn(RegistrationWithdrawn event) {
        if (event.reason() == WithdrawalReason.CITIZEN_REQUEST) {
            return repository.deleteAllButSending(event.registrationId())
                    .invoke(deleted -> LOG.infof("registration %s withdrawn by the citizen: %d message(s) deleted",
                            event.registrationId(), deleted))
                    .chain(() -> recipients.erase(event.registrationId()));
        }
        Instant now = Instant.now();
        return recipients.onEnded(event.registrationId(), event.withdrawnAt())
                .chain(() -> repository.lockWaiting(event.registrationId()))
                .invoke(waiting -> waiting.forEach(notification -> notification.failed(WITHDRAWN, now)))
                .invoke(waiting -> {
                    if (!waiting.isEmpty()) {
                        LOG.infof("registration %s %s: %d waiting message(s) cancelled", event.registrationId(),
                                event.reason(), waiting.size());
                    }
                })
                .replaceWithVoid();
    }
}
