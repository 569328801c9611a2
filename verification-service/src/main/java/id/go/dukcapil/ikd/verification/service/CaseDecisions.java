package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.CentralReviewChanged;
import id.go.dukcapil.ikd.events.CentralReviewState;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.messaging.IdempotentRequests;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.verification.domain.ApprovalModel;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.DecisionState;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.mapping.EventMapper;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.DecisionRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * SOP steps 3 and 4 from the operator's side: comparing the registration with the registry, and
 * the decision (final in a LOCAL office; submitted for the central verifier in a CENTRAL one, who
 * reviews it here). Only a final decision emits VerificationDecided, through the outbox, in the
 * transaction that records it.
 */
@ApplicationScoped
public class CaseDecisions {

    private static final Logger LOG = Logger.getLogger(CaseDecisions.class);
    /** The operations an Idempotency-Key is bound to (with the case id). */
    private static final String DECIDE = "case.decide:";
    private static final String REVIEW = "case.review:";

    private final CaseRepository cases;
    private final DecisionRepository decisions;
    private final OfficeRepository offices;
    private final PopulationRegistry registry;
    private final ServiceBook book;
    private final AuditLog audit;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final CentralClocks clocks;
    private final CaseQueries queries;
    private final IdempotentRequests idempotent;

    public CaseDecisions(CaseRepository cases, DecisionRepository decisions, OfficeRepository offices,
            PopulationRegistry registry, ServiceBook book, AuditLog audit, Outbox outbox, MeterRegistry meters,
            CentralClocks clocks, CaseQueries queries, IdempotentRequests idempotent) {
        this.cases = cases;
        this.decisions = decisions;
        this.offices = offices;
        this.registry = registry;
        this.book = book;
        this.audit = audit;
        this.outbox = outbox;
        this.meters = meters;
        this.clocks = clocks;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    /** The operator's decision as submitted. */
    public record DecisionCommand(Decision decision, RejectionReason reasonCode, String reasonNote, Channel channel,
            String callReference, boolean ktpElChecked) {
    }

    /** The central verifier's review of a submitted decision. */
    public record ReviewCommand(Decision decision, RejectionReason reasonCode, String note) {
    }

    // ---------------------------------------------------------------- decision

    public Uni<CaseDossier> decide(OperatorPrincipal principal, UUID caseId, DecisionCommand command,
            IdempotencyKey key) {
        String operation = DECIDE + caseId;
        return once(principal, caseId, key, operation, () -> decideNew(principal, caseId, command, key, operation));
    }

    /**
     * A decision or review sent again with its key answers with the case as it is now, which that
     * decision made; else {@code fresh} decides (and records the case id with its effect).
     */
    private Uni<CaseDossier> once(OperatorPrincipal principal, UUID caseId, IdempotencyKey key, String operation,
            Supplier<Uni<CaseDossier>> fresh) {
        return idempotent.replay(key, operation, UUID.class).chain(earlier -> earlier.isEmpty() ? fresh.get()
                : Panache.withSession(() -> cases.findById(caseId).invoke(c -> queries.requireVisible(principal, c)))
                        .chain(queries::dossier));
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
                            .call(decided -> idempotent.record(key, operation, decided.id));
                }))))).invoke(c -> count(c, "operator")).chain(queries::dossier);
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
            requireApprovable(resident, command.ktpElChecked(), c.nik);
        }
        CaseDecision d = new CaseDecision();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.outcome = command.decision();
        d.reasonCode = command.reasonCode();
        d.reasonNote = blankToNull(command.reasonNote());
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
                .chain(() -> outbox.append(EventMapper.decided(c, d, office, resident.orElse(null),
                        principal.id().toString(), now)))
                .chain(() -> book.record(c, ServiceAction.DECIDED, principal, office.code, now, 3, stepStarted,
                        office.verificationMinutes, d.outcome.name()))
                .chain(() -> audit.append("DECISION", principal.username(), office.code, c.id.toString(), details))
                .chain(() -> d.outcome == Decision.APPROVED ? supersedeOthers(c, principal, now)
                        : Uni.createFrom().voidItem())
                .replaceWith(c);
    }

    // ---------------------------------------------------------------- central review

    public Uni<CaseDossier> review(OperatorPrincipal principal, UUID caseId, ReviewCommand command,
            IdempotencyKey key) {
        String operation = REVIEW + caseId;
        return once(principal, caseId, key, operation, () -> reviewNew(principal, caseId, command, key, operation));
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
                                    .call(reviewed -> idempotent.record(key, operation, reviewed.id));
                        })))).invoke(c -> count(c, "central")).chain(queries::dossier);
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
            requireApprovable(resident, d.ktpElChecked, c.nik);
        }
        Instant now = Instant.now();
        d.reviewerId = principal.id();
        d.reviewOutcome = command.decision();
        d.reviewReasonCode = command.reasonCode();
        d.reviewNote = blankToNull(command.note());
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
                .chain(() -> outbox.append(EventMapper.decided(c, d, office, resident.orElse(null),
                        principal.id().toString(), now)))
                .chain(() -> book.record(c, ServiceAction.CENTRAL_REVIEWED, principal, office.code, now, 4,
                        c.submittedForReviewAt, office.validationMinutes, command.decision().name()))
                .chain(() -> audit.append("CENTRAL_REVIEW", principal.username(), principal.officeCode(),
                        c.id.toString(), details))
                .chain(() -> command.decision() == Decision.APPROVED ? supersedeOthers(c, principal, now)
                        : Uni.createFrom().voidItem())
                .replaceWith(c);
    }

    /**
     * The counter chose: the approved registration is the one on the citizen's phone, so every
     * other open case of the NIK closes, in the approval's transaction (registration-service
     * withdraws the registrations when the decision reaches it). A rejection closes nothing: the
     * rejected one may have been a stranger's. Two approvals of one NIK at once touch each
     * other's case: the optimistic lock lets one commit and answers the other CASE_CHANGED.
     */
    private Uni<Void> supersedeOthers(VerificationCase approved, OperatorPrincipal principal, Instant now) {
        return cases.openOfNik(approved.nik, approved.id).chain(others -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (VerificationCase other : others) {
                other.status = CaseStatus.SUPERSEDED;
                other.closedAt = now;
                chain = chain.chain(() -> book.record(other, ServiceAction.SUPERSEDED, principal, other.officeCode, now,
                        "dipilih di loket / chosen at the counter: " + approved.registrationId));
            }
            if (!others.isEmpty()) {
                LOG.infof("case %s approved: %d other open case(s) of its NIK superseded", approved.id, others.size());
            }
            return chain;
        });
    }

    /** Committed decisions and submissions, per office and outcome (Prometheus: ikd_verification_decisions_total). */
    private void count(VerificationCase c, String stage) {
        meters.counter("ikd.verification.decisions", "office", c.officeCode, "stage", stage, "status", c.status.name())
                .increment();
    }

    // ---------------------------------------------------------------- rules

    private static void requireApprovable(Optional<Resident> resident, boolean ktpElChecked, String nik) {
        List<RegistryComparison.Flag> flags = RegistryComparison.compare(nik, resident);
        if (RegistryComparison.blocksApproval(flags)) {
            List<String> blocking = new ArrayList<>();
            flags.stream().filter(f -> f.severity() == RegistryComparison.Severity.BLOCKING)
                    .forEach(f -> blocking.add(f.code()));
            throw new ProblemException(VerificationProblems.APPROVAL_BLOCKED,
                    "Tolak dengan alasan yang sesuai.", "Reject with the matching reason.").with("flags", blocking);
        }
        boolean cardExists = !Resident.RECORDED_NOT_PRINTED.equals(resident.get().ktpElStatus());
        if (cardExists && !ktpElChecked) {
            throw new ProblemException(VerificationProblems.KTP_EL_NOT_CHECKED,
                    "Periksa KTP-el fisik pemohon lalu centang konfirmasinya.",
                    "Check the citizen's physical KTP-el, then tick the confirmation.");
        }
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
