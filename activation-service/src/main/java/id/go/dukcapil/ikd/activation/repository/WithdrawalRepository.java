package id.go.dukcapil.ikd.activation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.domain.Withdrawal;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WithdrawalRepository implements PanacheRepositoryBase<Withdrawal, UUID> {

    public Uni<Boolean> withdrawn(UUID registrationId) {
        return findById(registrationId).map(withdrawal -> withdrawal != null);
    }
}
