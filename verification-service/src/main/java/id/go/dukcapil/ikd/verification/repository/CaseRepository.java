package id.go.dukcapil.ikd.verification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<VerificationCase, UUID> {

    public Uni<VerificationCase> findByRegistration(UUID registrationId) {
        return find("registrationId", registrationId).firstResult();
    }

    /** The open cases of an office, oldest first. */
    public Uni<List<VerificationCase>> queueOf(String officeCode) {
        return list("officeCode = ?1 and status in ?2 order by submittedAt", officeCode, CaseStatus.OPEN);
    }

    /** Cases of every CENTRAL office waiting for a central verifier. */
    public Uni<List<VerificationCase>> awaitingCentral() {
        return list("status = ?1 order by submittedForReviewAt", CaseStatus.AWAITING_CENTRAL);
    }
}
