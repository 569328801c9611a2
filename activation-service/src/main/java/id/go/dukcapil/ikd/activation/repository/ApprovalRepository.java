package id.go.dukcapil.ikd.activation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.dukcapil.ikd.activation.domain.Approval;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApprovalRepository implements PanacheRepositoryBase<Approval, UUID> {

    /** The approval, locked for the rest of the transaction (resends and activations serialise on it). */
    public Uni<Approval> lock(UUID registrationId) {
        return findById(registrationId, LockModeType.PESSIMISTIC_WRITE);
    }
}
