package id.go.dukcapil.ikd.activation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.domain.IdentityStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<Identity, UUID> {

    public Uni<Identity> findActiveByNik(String nik) {
        return find("nik = :nik and status = :active",
                Parameters.with("nik", nik).and("active", IdentityStatus.ACTIVE))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Identity> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    public Uni<Identity> findByRegistration(UUID registrationId) {
        return find("registrationId", registrationId).firstResult();
    }

    public Uni<Identity> lock(UUID identityId) {
        return findById(identityId, LockModeType.PESSIMISTIC_WRITE);
    }
}
