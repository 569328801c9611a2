package id.go.dukcapil.ikd.verification.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.DecisionRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What an operator sees of the cases: the office's queue, a case with the registration beside the
 * registry record, and the case grant the other services ask for.
 *
 * <p>Office rule: a case waits in the queue of the office covering the NIK's area until an
 * operator takes it by scanning ({@link CaseScanning}); from then on only that office sees and
 * decides it, and a central verifier sees what was submitted for their review.
 */
@ApplicationScoped
public class CaseQueries {

    private final CaseRepository cases;
    private final DecisionRepository decisions;
    private final OfficeRepository offices;
    private final PopulationRegistry registry;
    private final VerificationConfig config;
    private final CaseGrantIssuer grants;

    public CaseQueries(CaseRepository cases, DecisionRepository decisions, OfficeRepository offices,
            PopulationRegistry registry, VerificationConfig config, CaseGrantIssuer grants) {
        this.cases = cases;
        this.decisions = decisions;
        this.offices = offices;
        this.registry = registry;
        this.config = config;
        this.grants = grants;
    }

    /** A queue line: the case and the office whose standards time it. */
    public record QueueLine(VerificationCase verificationCase, Office office) {
    }

    public Uni<List<QueueLine>> queue(OperatorPrincipal principal) {
        return Panache.withSession(() -> offices.all().chain(all -> {
            Map<String, Office> byCode = all.stream().collect(Collectors.toMap(o -> o.code, Function.identity()));
            // one session runs one query at a time: sequential, never combined
            return cases.queueOf(principal.officeCode()).chain(own -> (isCentralVerifier(principal)
                    ? cases.awaitingCentral() : Uni.createFrom().item(List.<VerificationCase>of())).map(central -> {
                        Map<UUID, VerificationCase> merged = new LinkedHashMap<>();
                        own.forEach(c -> merged.put(c.id, c));
                        central.forEach(c -> merged.putIfAbsent(c.id, c));
                        return merged.values().stream().map(c -> new QueueLine(c, byCode.get(c.officeCode))).toList();
                    }));
        }));
    }

    public Uni<CaseDossier> view(OperatorPrincipal principal, UUID caseId) {
        return Panache.withSession(() -> cases.findById(caseId).invoke(c -> requireVisible(principal, c)))
                .chain(this::dossier);
    }

    /** A case the operator may see (its office's, or one submitted for central review), without its dossier. */
    public Uni<VerificationCase> visible(OperatorPrincipal principal, UUID caseId) {
        return Panache.withSession(() -> cases.findById(caseId).invoke(c -> requireVisible(principal, c)));
    }

    /**
     * A case grant for a case the operator may see: what the selfie (registration-service) and
     * the delivery log (notification-service) require, so they are scoped as cases are.
     */
    public Uni<CaseGrantIssuer.Grant> grant(OperatorPrincipal principal, UUID caseId) {
        return Panache.withSession(() -> cases.findById(caseId).invoke(c -> requireVisible(principal, c)))
                .chain(c -> grants.issue(principal, c));
    }

    /**
     * The case with its office, decision and the other open registrations of its NIK (one
     * session), then the registry record (after the session: never a second connection while one
     * is held).
     */
    Uni<CaseDossier> dossier(VerificationCase c) {
        return Panache.withSession(() -> offices.findById(c.officeCode).chain(office -> decisions.findByCase(c.id)
                .chain(decision -> cases.openOfNik(c.nik, c.id).map(others -> new CaseDossier(c, office,
                        Optional.<Resident>empty(), List.of(), Optional.ofNullable(decision), others)))))
                .chain(partial -> registry.find(c.nik).map(resident -> new CaseDossier(c, partial.office(), resident,
                        RegistryComparison.compare(c.nik, resident), partial.decision(), partial.otherOpenCases())));
    }

    /** The visibility rule: the case's own office, or a central verifier once the case was submitted or returned. */
    void requireVisible(OperatorPrincipal principal, VerificationCase c) {
        if (c == null) {
            throw CaseProblems.notFound();
        }
        if (!canSee(principal, c)) {
            throw CaseProblems.anotherOffice();
        }
    }

    /** {@link #requireVisible}'s rule as a question, for what the case holds (its stills); false for no case. */
    boolean canSee(OperatorPrincipal principal, VerificationCase c) {
        if (c == null) {
            return false;
        }
        boolean ownOffice = c.officeCode.equals(principal.officeCode());
        return ownOffice || isCentralVerifier(principal) && (c.submittedForReviewAt != null || c.returnedAt != null);
    }

    public boolean isCentralVerifier(OperatorPrincipal principal) {
        return principal.has(Role.SUPERVISOR) && config.cases().centralOffice().equals(principal.officeCode());
    }
}
