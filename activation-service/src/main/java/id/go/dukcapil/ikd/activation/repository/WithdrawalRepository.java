package id.go.dukcapil.ikd.activation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.domain.Withdrawal;
import id.go.dukcapil.ikd.messaging.SessionStatements;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WithdrawalRepository implements PanacheRepositoryBase<Withdrawal, UUID> {

    public Uni<Boolean> withdrawn(UUID registrationId) {
        return findById(registrationId).map(withdrawal -> withdrawal != null);
    }

    /**
     * Serialises, until the transaction ends, the handling of one registration's approval and
     * withdrawal. They arrive on two topics, possibly at once, and each checks for the other's row:
     * without a common lock both could miss the other (neither row committed yet).
     */
    public Uni<Void> lockRegistration(UUID registrationId) {
        return SessionStatements.lockUntilCommit("withdrawal-registration:" + registrationId);
    }
}
