package id.go.dukcapil.ikd.verification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.OperatorAccount;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OperatorRepository implements PanacheRepositoryBase<OperatorAccount, UUID> {

    public Uni<OperatorAccount> findByUsername(String username) {
        return find("username", username).firstResult();
    }

    public Uni<List<OperatorAccount>> all() {
        return list("order by officeCode, username");
    }
}
