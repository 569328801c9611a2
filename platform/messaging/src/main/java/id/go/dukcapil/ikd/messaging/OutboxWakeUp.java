package id.go.dukcapil.ikd.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Starts a relay round as soon as a transaction that wrote to the outbox commits (the outbox's
 * trigger signals {@value #CHANNEL}), so an event reaches Kafka milliseconds after its commit
 * instead of at the next periodic round.
 */
@ApplicationScoped
public class OutboxWakeUp {

    static final String CHANNEL = "ikd_outbox";

    private final CommitSignals signals;
    private final OutboxRelay relay;
    private final MessagingConfig config;

    public OutboxWakeUp(CommitSignals signals, OutboxRelay relay, MessagingConfig config) {
        this.signals = signals;
        this.relay = relay;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (config.outbox().relayEnabled()) {
            signals.listen(CHANNEL, relay::wakeUp);
        }
    }
}
