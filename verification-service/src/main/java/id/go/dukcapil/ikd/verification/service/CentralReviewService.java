package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.CentralReviewChanged;
import id.go.dukcapil.ikd.events.CentralReviewState;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.DecisionState;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.DecisionRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.verification.service.CentralQueueFigures.CentralQueue;
import id.go.dukcapil.ikd.verification.service.CaseQueries.QueueLine;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The central verifier's side of SOP step 4 in central-approval offices: the cross-office queue by
 * region with each case's due time, the review that approves or rejects an office's submitted
 * decision (only then is VerificationDecided published), and "return to office" with a note. A returned case is back in
 * the office's queue (IN_REVIEW, no rescan: the office may call the citizen or ask them back); the
 * office's proposal is withdrawn (the buku pelayanan and the audit chain keep it) and SOP step 3
 * restarts at the return. The citizen's timeline follows through CentralReviewChanged (outbox).
 */
@ApplicationScoped
public class CentralReviewService {

    private static final Logger LOG = Logger.getLogger(CentralReviewService.class);
    private static final int MAX_NOTE = 500;
    /** The operation an Idempotency-Key is bound to (with the case id). */
    private static final String REVIEW = "case.review:";

    private final CaseQueries queries;
    private final CaseRepository cases;
    private final DecisionRepository decisions;
    private final OfficeRepository offices;
    private final CentralClocks clocks;
    private final ServiceBook book;
    private final AuditLog audit;
    private final Outbox outbox;
    private final PopulationRegistry registry;
    private final DecisionReplay replay;
    private final FinalDecisions finals;

    public CentralReviewService(CaseQueries queries, CaseRepository cases, DecisionRepository decisions,
            OfficeRepository offices, CentralClocks clocks, ServiceBook book, AuditLog audit, Outbox outbox,
            PopulationRegistry registry, DecisionReplay replay, FinalDecisions finals) {
        this.queries = queries;
        this.cases = cases;
        this.decisions = decisions;
        this.offices = offices;
        this.clocks = clocks;
        this.book = book;
        this.audit = audit;
        this.outbox = outbox;
        this.registry = registry;
        this.replay = replay;
        this.finals = finals;
    }

    /** The central verifier's review of a submitted decision. */
    public record ReviewCommand(Decision decision, RejectionReason reasonCode, String note) {
    }

    /** Every case awaiting a central verifier, by province, most urgent first. */
    public Uni<CentralQueue> queue(OperatorPrincipal principal) {
        if (!queries.isCentralVerifier(principal)) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.NOT_A_CENTRAL_VERIFIER));
        }
        Instant now = Instant.now();
        return Panache.withSession(() -> offices.all().chain(all -> cases.awaitingCentral().map(waiting -> {
            Map<String, Office> byCode = all.stream().collect(Collectors.toMap(o -> o.code, Function.identity()));
            return waiting.stream().map(c -> new QueueLine(c, byCode.get(c.officeCode))).toList();
        }))).chain(lines -> clocks.load(now).map(calendars -> CentralQueueFigures.of(lines, calendars, now)));
    }

    /** Approves or rejects a decision an office submitted; the final decision is the reviewer's. */
    public Uni<CaseDossier> review(OperatorPrincipal principal, UUID caseId, ReviewCommand command,
            IdempotencyKey key) {
        String operation = REVIEW + caseId;
        return replay.once(principal, caseId, key, operation, () -> reviewNew(principal, caseId, command, key, operation));
    }

    private Uni<CaseDossier> reviewNew(OperatorPrincipal principal, UUID caseId, ReviewCommand command,
            IdempotencyKey key, String operation) {
        if (command.decision() == Decision.REJECTED && command.reasonCode() == null) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.REASON_REQUIRED));
        }
        if (command.decision() == Decision.APPROVED && command.reasonCode() != null) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.REASON_NOT_ALLOWED));
        }
        return Panache.withSession(() -> cases.findById(caseId).invoke(c -> requireReviewable(principal, c)))
                .chain(seen -> registry.find(seen.nik).chain(resident -> Panache.withTransaction(() -> cases
                        .lockNik(seen.nik).chain(() -> cases.findById(caseId)).chain(c -> {
                            requireReviewable(principal, c);
                            return decisions.findByCase(c.id).chain(d -> offices.findById(c.officeCode)
                                    .chain(office -> finishReview(principal, c, d, office, resident, command)))
                                    .call(reviewed -> replay.remember(key, operation, reviewed.id));
                        })))).invoke(c -> finals.count(c, "central")).chain(queries::dossier);
    }

    private void requireReviewable(OperatorPrincipal principal, VerificationCase c) {
        if (c == null) {
            throw CaseProblems.notFound();
        }
        if (!principal.has(Role.SUPERVISOR)
                || !(queries.isCentralVerifier(principal) || principal.officeCode().equals(c.officeCode))) {
            throw new ProblemException(VerificationProblems.NOT_A_CENTRAL_VERIFIER);
        }
        if (c.status != CaseStatus.AWAITING_CENTRAL) {
            throw c.status.open() ? new ProblemException(VerificationProblems.CASE_NOT_AWAITING_CENTRAL)
                    : c.status == CaseStatus.WITHDRAWN || c.status == CaseStatus.SUPERSEDED ? CaseProblems.closed()
                            : CaseProblems.alreadyDecided();
        }
    }

    private Uni<VerificationCase> finishReview(OperatorPrincipal principal, VerificationCase c, CaseDecision d,
            Office office, Optional<Resident> resident, ReviewCommand command) {
        if (d.operatorId.equals(principal.id())) {
            throw new ProblemException(VerificationProblems.SAME_PERSON_REVIEW);
        }
        if (command.decision() == Decision.APPROVED) {
            FinalDecisions.requireApprovable(resident, d.ktpElChecked, c.nik);
        }
        Instant now = Instant.now();
        d.reviewerId = principal.id();
        d.reviewOutcome = command.decision();
        d.reviewReasonCode = command.reasonCode();
        d.reviewNote = FinalDecisions.blankToNull(command.note());
        d.reviewedAt = now;
        d.state = DecisionState.FINAL;
        c.status = command.decision() == Decision.APPROVED ? CaseStatus.APPROVED : CaseStatus.REJECTED;
        c.decidedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registrationId", c.registrationId.toString());
        details.put("proposed", d.outcome.name());
        details.put("outcome", command.decision().name());
        details.put("reasonCode", command.reasonCode() == null ? "" : command.reasonCode().name());
        LOG.infof("case %s %s by central verifier %s", c.id, command.decision(), principal.username());
        return outbox.append(new CentralReviewChanged(c.registrationId, c.id, CentralReviewState.DONE, null, now))
                .chain(() -> finals.publishDecided(c, d, office, resident.orElse(null),
                        principal.id().toString(), now))
                .chain(() -> book.record(c, ServiceAction.CENTRAL_REVIEWED, principal, office.code, now, 4,
                        c.submittedForReviewAt, office.validationMinutes, command.decision().name()))
                .chain(() -> audit.append("CENTRAL_REVIEW", principal.username(), principal.officeCode(),
                        c.id.toString(), details))
                .chain(() -> command.decision() == Decision.APPROVED ? finals.supersedeOthers(c, principal, now)
                        : Uni.createFrom().voidItem())
                .replaceWith(c);
    }

    /** Sends a case awaiting central verification back to its office with a note the office sees. */
    public Uni<CaseDossier> returnToOffice(OperatorPrincipal principal, UUID caseId, String note) {
        if (!queries.isCentralVerifier(principal)) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.NOT_A_CENTRAL_VERIFIER,
                    "Hanya verifikator pusat (Ditjen Dukcapil) yang dapat mengembalikan kasus ke kantor.",
                    "Only a central verifier (Ditjen Dukcapil) can return a case to the office."));
        }
        if (note == null || note.isBlank()) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.RETURN_NOTE_REQUIRED,
                    "Tulis apa yang harus diperiksa ulang oleh kantor.", "Write what the office must check again."));
        }
        String text = note.strip().length() > MAX_NOTE ? note.strip().substring(0, MAX_NOTE) : note.strip();
        Instant now = Instant.now();
        return Panache.withTransaction(() -> cases.findById(caseId).chain(seen -> {
            requireAwaiting(seen);
            return cases.lockNik(seen.nik).chain(() -> cases.findById(caseId)).chain(c -> {
                requireAwaiting(c);
                return decisions.findByCase(c.id).chain(d -> offices.findById(c.officeCode)
                        .chain(office -> sendBack(principal, c, d, office, text, now)));
            });
        })).chain(c -> queries.view(principal, c.id));
    }

    private Uni<VerificationCase> sendBack(OperatorPrincipal principal, VerificationCase c, CaseDecision d,
            Office office, String note, Instant now) {
        if (d != null && d.operatorId.equals(principal.id())) {
            throw new ProblemException(VerificationProblems.SAME_PERSON_REVIEW);
        }
        Instant submitted = c.submittedForReviewAt;
        c.status = CaseStatus.IN_REVIEW;
        c.returnedAt = now;
        c.returnedBy = principal.id();
        c.returnNote = note;
        c.returnCount++;
        c.submittedForReviewAt = null;
        c.centralDueAt = null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registrationId", c.registrationId.toString());
        details.put("proposed", d == null ? "" : d.outcome.name());
        details.put("returnCount", c.returnCount);
        // the note stays out of the audit chain, which is never erased: it may name the citizen (the case and the
        // buku pelayanan hold it until retention clears them)
        LOG.infof("case %s returned to office %s by central verifier %s", c.id, office.code, principal.username());
        Uni<Void> withdrawProposal = d == null ? Uni.createFrom().voidItem() : decisions.delete(d);
        return withdrawProposal
                .chain(() -> outbox.append(new CentralReviewChanged(c.registrationId, c.id, CentralReviewState.RETURNED,
                        null, now)))
                .chain(() -> book.record(c, ServiceAction.RETURNED_TO_OFFICE, principal, office.code, now, 4, submitted,
                        office.validationMinutes, note))
                .chain(() -> audit.append("CENTRAL_RETURN", principal.username(), principal.officeCode(),
                        c.id.toString(), details))
                .replaceWith(c);
    }

    private static void requireAwaiting(VerificationCase c) {
        if (c == null) {
            throw new ProblemException(VerificationProblems.CASE_NOT_FOUND);
        }
        switch (c.status) {
            case AWAITING_CENTRAL -> {
            }
            case QUEUED, IN_REVIEW -> throw new ProblemException(VerificationProblems.CASE_NOT_AWAITING_CENTRAL);
            case APPROVED, REJECTED, ACTIVATED -> throw new ProblemException(VerificationProblems.CASE_ALREADY_DECIDED);
            default -> throw new ProblemException(VerificationProblems.CASE_CLOSED);
        }
    }
}
