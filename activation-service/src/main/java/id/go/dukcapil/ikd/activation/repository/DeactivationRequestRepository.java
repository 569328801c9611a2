package id.go.dukcapil.ikd.activation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.dukcapil.ikd.activation.domain.DeactivationRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeactivationRequestRepository implements PanacheRepositoryBase<DeactivationRequest, UUID> {

    public Uni<DeactivationRequest> lockByHash(byte[] tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<DeactivationRequest> findByHash(byte[] tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    public Uni<Long> countSince(UUID identityId, Instant since) {
        return count("identityId = ?1 and requestedAt >= ?2", identityId, since);
    }
}
