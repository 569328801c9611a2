package id.go.dukcapil.ikd.verification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<CaseDecision, UUID> {

    public Uni<CaseDecision> findByCase(UUID caseId) {
        return find("caseId", caseId).firstResult();
    }
}
