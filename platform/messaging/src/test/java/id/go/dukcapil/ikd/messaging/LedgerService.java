package id.go.dukcapil.ikd.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A service as the real ones are written: the state change and its event in one transaction. */
@ApplicationScoped
public class LedgerService {

    private final Outbox outbox;

    public LedgerService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<UUID> withdraw(UUID registrationId, boolean failAfterWriting) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.registrationId = registrationId;
        return entry.persist()
                .chain(() -> outbox.append(new RegistrationWithdrawn(registrationId, WithdrawalReason.CITIZEN_REQUEST,
                        Instant.now())))
                .invoke(() -> {
                    if (failAfterWriting) {
                        throw new IllegalStateException("rule broken after the event was written");
                    }
                });
    }
}
