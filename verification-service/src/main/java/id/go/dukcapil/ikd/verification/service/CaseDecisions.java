package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.CentralReviewChanged;
import id.go.dukcapil.ikd.events.CentralReviewState;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.verification.domain.ApprovalModel;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.DecisionState;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.DecisionRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * SOP steps 3 and 4 from the operator's side: comparing the registration with the registry, and
 * the decision (final in a LOCAL office; submitted for the central verifier in a CENTRAL one, who
 * reviews it in {@link CentralReviewService}). Only a final decision emits VerificationDecided,
 * through the outbox, in the transaction that records it.
 */
@ApplicationScoped
public class CaseDecisions {

    private static final Logger LOG = Logger.getLogger(CaseDecisions.class);
    /** The operation an Idempotency-Key is bound to (with the case id). */
    private static final String DECIDE = "case.decide:";

    private final CaseRepository cases;
    private final DecisionRepository decisions;
    private final OfficeRepository offices;
    private final PopulationRegistry registry;
    private final ServiceBook book;
    private final AuditLog audit;
    private final Outbox outbox;
    private final CentralClocks clocks;
    private final CaseQueries queries;
    private final DecisionReplay replay;
    private final FinalDecisions finals;

    public CaseDecisions(CaseRepository cases, DecisionRepository decisions, OfficeRepository offices,
            PopulationRegistry registry, ServiceBook book, AuditLog audit, Outbox outbox, CentralClocks clocks,
            CaseQueries queries, DecisionReplay replay, FinalDecisions finals) {
        this.cases = cases;
        this.decisions = decisions;
        this.offices = offices;
        this.registry = registry;
        this.book = book;
        this.audit = audit;
        this.outbox = outbox;
        this.clocks = clocks;
        this.queries = queries;
        this.replay = replay;
        this.finals = finals;
    }

    /** The operator's decision as submitted. */
    public record DecisionCommand(Decision decision, RejectionReason reasonCode, String reasonNote, Channel channel,
            String callReference, boolean ktpElChecked) {
    }

    public Uni<CaseDossier> decide(OperatorPrincipal principal, UUID caseId, DecisionCommand command,
            IdempotencyKey key) {
        String operation = DECIDE + caseId;
        return replay.once(principal, caseId, key, operation, () -> decideNew(principal, caseId, command, key, operation));
    }

    private Uni<CaseDossier> decideNew(OperatorPrincipal principal, UUID caseId, DecisionCommand command,
            IdempotencyKey key, String operation) {
        try {
            validate(command);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        // The registry (SIAK in production) is read before the transaction, never inside it: a
        // transaction holding one pooled connection while waiting for a second deadlocks the pool
        // under load, and a remote registry must not hold a database transaction open either.
        return Panache.withSession(() -> cases.findById(caseId).invoke(c -> {
            queries.requireVisible(principal, c);
            requireDecidable(c);
        })).chain(seen -> registry.find(seen.nik).chain(resident -> clocks.load(Instant.now())
                .chain(calendars -> Panache.withTransaction(() -> cases
                .lockNik(seen.nik).chain(() -> cases.findById(caseId)).chain(c -> {
                    queries.requireVisible(principal, c);
                    requireDecidable(c);
                    return offices.findById(c.officeCode)
                            .chain(office -> record(principal, c, office, resident, command, calendars))
                            .call(decided -> replay.remember(key, operation, decided.id));
                }))))).invoke(c -> finals.count(c, "operator")).chain(queries::dossier);
    }

    private static void validate(DecisionCommand command) {
        if (command.decision() == Decision.APPROVED && command.reasonCode() != null) {
            throw new ProblemException(VerificationProblems.REASON_NOT_ALLOWED);
        }
        if (command.decision() == Decision.REJECTED && command.reasonCode() == null) {
            throw new ProblemException(VerificationProblems.REASON_REQUIRED,
                    "Pilih alasan: NIK tidak ditemukan, data tidak sesuai, wajah tidak sesuai, KTP-el tidak ditunjukkan, belum perekaman, meninggal, atau lainnya.",
                    "Choose a reason: NIK not found, data mismatch, face mismatch, KTP-el not shown, not recorded, deceased, or other.");
        }
        if (command.reasonCode() == RejectionReason.OTHER && (command.reasonNote() == null || command.reasonNote().isBlank())) {
            throw new ProblemException(VerificationProblems.NOTE_REQUIRED);
        }
        if (command.channel() == Channel.VIDEO_CALL
                && (command.callReference() == null || command.callReference().isBlank())) {
            throw new ProblemException(VerificationProblems.CALL_REFERENCE_REQUIRED);
        }
    }

    private Uni<VerificationCase> record(OperatorPrincipal principal, VerificationCase c, Office office,
            Optional<Resident> resident, DecisionCommand command, CentralClocks.Calendars calendars) {
        Instant now = Instant.now();
        // SOP step 3 runs from the citizen at the operator: the scan, or the central verifier's
        // return of the case to the office, whichever came last
        Instant stepStarted = c.returnedAt != null && c.returnedAt.isAfter(c.scannedAt) ? c.returnedAt : c.scannedAt;
        if (command.decision() == Decision.APPROVED) {
            FinalDecisions.requireApprovable(resident, command.ktpElChecked(), c.nik);
        }
        CaseDecision d = new CaseDecision();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.outcome = command.decision();
        d.reasonCode = command.reasonCode();
        d.reasonNote = FinalDecisions.blankToNull(command.reasonNote());
        d.channel = command.channel();
        d.callReference = command.channel() == Channel.VIDEO_CALL ? command.callReference().trim() : null;
        d.ktpElChecked = command.ktpElChecked();
        d.operatorId = principal.id();
        d.officeCode = office.code;
        d.decidedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registrationId", c.registrationId.toString());
        details.put("outcome", d.outcome.name());
        details.put("reasonCode", d.reasonCode == null ? "" : d.reasonCode.name());
        details.put("channel", d.channel.name());
        details.put("ktpElChecked", d.ktpElChecked);
        if (office.approvalModel == ApprovalModel.CENTRAL) {
            d.state = DecisionState.AWAITING_CENTRAL;
            c.status = CaseStatus.AWAITING_CENTRAL;
            c.submittedForReviewAt = now;
            c.centralDueAt = calendars.centralDue(office, now);
            LOG.infof("case %s submitted for central verification by %s (%s)", c.id, principal.username(), office.code);
            return decisions.persist(d)
                    .chain(() -> outbox.append(new CentralReviewChanged(c.registrationId, c.id,
                            CentralReviewState.PENDING, c.centralDueAt, now)))
                    .chain(() -> book.record(c, ServiceAction.SUBMITTED_FOR_CENTRAL, principal, office.code, now, 3,
                            stepStarted, office.verificationMinutes, d.outcome.name()))
                    .chain(() -> audit.append("DECISION_SUBMITTED", principal.username(), office.code, c.id.toString(),
                            details))
                    .replaceWith(c);
        }
        d.state = DecisionState.FINAL;
        c.status = d.outcome == Decision.APPROVED ? CaseStatus.APPROVED : CaseStatus.REJECTED;
        c.decidedAt = now;
        LOG.infof("case %s %s by %s (%s)", c.id, d.outcome, principal.username(), office.code);
        return decisions.persist(d)
                .chain(() -> finals.publishDecided(c, d, office, resident.orElse(null),
                        principal.id().toString(), now))
                .chain(() -> book.record(c, ServiceAction.DECIDED, principal, office.code, now, 3, stepStarted,
                        office.verificationMinutes, d.outcome.name()))
                .chain(() -> audit.append("DECISION", principal.username(), office.code, c.id.toString(), details))
                .chain(() -> d.outcome == Decision.APPROVED ? finals.supersedeOthers(c, principal, now)
                        : Uni.createFrom().voidItem())
                .replaceWith(c);
    }

    private static void requireDecidable(VerificationCase c) {
        switch (c.status) {
            case IN_REVIEW -> {
            }
            case QUEUED -> throw new ProblemException(VerificationProblems.CASE_NOT_SCANNED);
            case AWAITING_CENTRAL, APPROVED, REJECTED, ACTIVATED -> throw CaseProblems.alreadyDecided();
            default -> throw CaseProblems.closed();
        }
    }
}
