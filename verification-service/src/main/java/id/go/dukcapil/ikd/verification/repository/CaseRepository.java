package id.go.dukcapil.ikd.verification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.SessionStatements;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<VerificationCase, UUID> {

    public Uni<VerificationCase> findByRegistration(UUID registrationId) {
        return find("registrationId", registrationId).firstResult();
    }

    /**
     * Serialises decisions on the cases of one NIK until the end of the current transaction: an
     * approval closes the NIK's other open cases, so two approvals of one NIK must not cross.
     */
    public Uni<Void> lockNik(String nik) {
        return SessionStatements.lockUntilCommit("case-nik:" + nik);
    }

    /** The other open cases of a NIK (registrations of one NIK do not cancel each other), oldest first. */
    public Uni<List<VerificationCase>> openOfNik(String nik, UUID except) {
        return list("nik = ?1 and id <> ?2 and status in ?3 order by submittedAt", nik, except, CaseStatus.OPEN);
    }

    /** The open cases of an office, oldest first. */
    public Uni<List<VerificationCase>> queueOf(String officeCode) {
        return list("officeCode = ?1 and status in ?2 order by submittedAt", officeCode, CaseStatus.OPEN);
    }

    /** Cases of every CENTRAL office waiting for a central verifier. */
    public Uni<List<VerificationCase>> awaitingCentral() {
        return list("status = ?1 order by submittedForReviewAt", CaseStatus.AWAITING_CENTRAL);
    }

    /** An office's cases of a NIK, whatever their status, newest first (the counter's NIK search). */
    public Uni<List<VerificationCase>> ofNikAtOffice(String nik, String officeCode, int max) {
        return find("nik = ?1 and officeCode = ?2 order by submittedAt desc", nik, officeCode).page(0, max).list();
    }
}
