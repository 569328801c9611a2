package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.ApprovalModel;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.CounterCode;
import id.go.dukcapil.ikd.verification.domain.DecisionState;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.mapping.EventMapper;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.CounterCodeRepository;
import id.go.dukcapil.ikd.verification.repository.DecisionRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * SOP steps 3 and 4 from the operator's side: scanning the citizen's counter code, comparing the
 * registration with the registry, and the decision (final in a LOCAL office; submitted for the
 * central verifier in a CENTRAL one). Only a final decision emits VerificationDecided, through
 * the outbox, in the transaction that records it.
 *
 * <p>Office rule: a case waits in the queue of the office covering the NIK's area; an operator
 * of any office takes it by scanning the citizen's code at their counter (the code proves the
 * citizen is there). From then on only that office sees and decides it.
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);
    public static final Pattern SHORT_CODE = Pattern.compile("^[0-9A-Z-]{4,16}$");

    private final CaseRepository cases;
    private final CounterCodeRepository codes;
    private final DecisionRepository decisions;
    private final OfficeRepository offices;
    private final PopulationRegistry registry;
    private final SuiteKeyring keyring;
    private final ServiceBook book;
    private final AuditLog audit;
    private final Outbox outbox;
    private final VerificationConfig config;
    private final MeterRegistry meters;

    public VerificationService(CaseRepository cases, CounterCodeRepository codes, DecisionRepository decisions,
            OfficeRepository offices, PopulationRegistry registry, SuiteKeyring keyring, ServiceBook book,
            AuditLog audit, Outbox outbox, VerificationConfig config, MeterRegistry meters) {
        this.cases = cases;
        this.codes = codes;
        this.decisions = decisions;
        this.offices = offices;
        this.registry = registry;
        this.keyring = keyring;
        this.book = book;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    /** The operator's decision as submitted. */
    public record DecisionCommand(Decision decision, RejectionReason reasonCode, String reasonNote, Channel channel,
            String callReference, boolean ktpElChecked) {
    }

    /** The central verifier's review of a submitted decision. */
    public record ReviewCommand(Decision decision, RejectionReason reasonCode, String note) {
    }

    /** A queue line: the case and the office whose standards time it. */
    public record QueueLine(VerificationCase verificationCase, Office office) {
    }

    // ---------------------------------------------------------------- queue and view

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
        return Panache.withSession(() -> cases.findById(caseId).chain(c -> {
            requireVisible(principal, c);
            return dossier(c);
        }));
    }

    // ---------------------------------------------------------------- scan

    /** Resolves the scanned QR (compact JWS) or the typed short code and takes the case for the operator's office. */
    public Uni<CaseDossier> scan(OperatorPrincipal principal, String qrPayload, String shortCode) {
        Uni<CodeClaim> claim;
        try {
            claim = Uni.createFrom().item(readCode(qrPayload, shortCode));
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return claim.chain(code -> Panache.withTransaction(() -> take(principal, code)))
                .chain(c -> Panache.withSession(() -> dossier(c)));
    }

    private record CodeClaim(UUID codeId, UUID registrationId, String shortCode, boolean expired) {
    }

    private CodeClaim readCode(String qrPayload, String shortCode) {
        if (qrPayload != null && !qrPayload.isBlank()) {
            try {
                SuiteKeyring.CounterCodeClaims claims = keyring.verifyCounterCode(qrPayload.trim());
                return new CodeClaim(UUID.fromString(claims.codeId()), UUID.fromString(claims.registrationId()),
                        claims.shortCode(), claims.expired());
            } catch (SuiteKeyring.InvalidCounterCodeException | IllegalArgumentException e) {
                throw invalidCode();
            }
        }
        String normalised = shortCode == null ? "" : shortCode.trim().toUpperCase();
        if (!SHORT_CODE.matcher(normalised).matches()) {
            throw invalidCode();
        }
        return new CodeClaim(null, null, normalised, false);
    }

    private Uni<VerificationCase> take(OperatorPrincipal principal, CodeClaim claim) {
        Uni<CounterCode> lookup = claim.codeId() != null ? codes.findById(claim.codeId())
                : codes.latestByShortCode(claim.shortCode());
        Instant now = Instant.now();
        return lookup.chain(code -> {
            if (code == null) {
                throw new ProblemException(VerificationProblems.COUNTER_CODE_UNKNOWN,
                        "Minta pemohon menampilkan kode terbaru di aplikasi IKD.",
                        "Ask the citizen to show the latest code in the IKD app.");
            }
            if (claim.registrationId() != null && (!claim.registrationId().equals(code.registrationId)
                    || (claim.shortCode() != null && !claim.shortCode().equalsIgnoreCase(code.shortCode)))) {
                throw invalidCode();
            }
            return codes.latestOf(code.registrationId).chain(latest -> {
                if (latest.sequence > code.sequence) {
                    throw new ProblemException(VerificationProblems.COUNTER_CODE_SUPERSEDED,
                            "Pemohon sudah meminta kode baru; pindai kode terbaru.",
                            "The citizen requested a new code; scan the latest one.");
                }
                if (claim.expired() || !code.expiresAt.isAfter(now)) {
                    throw new ProblemException(VerificationProblems.COUNTER_CODE_EXPIRED,
                            "Minta pemohon membuat kode baru di aplikasi IKD.",
                            "Ask the citizen to create a new code in the IKD app.");
                }
                return cases.findByRegistration(code.registrationId);
            });
        }).chain(c -> {
            if (c == null) {
                throw new ProblemException(VerificationProblems.CASE_NOT_FOUND,
                        "Registrasi belum diterima; coba lagi sebentar lagi.",
                        "The registration has not arrived yet; try again shortly.");
            }
            return takeCase(principal, c, now);
        });
    }

    private Uni<VerificationCase> takeCase(OperatorPrincipal principal, VerificationCase c, Instant now) {
        switch (c.status) {
            case QUEUED -> {
                String previousOffice = c.officeCode;
                c.officeCode = principal.officeCode();
                c.status = CaseStatus.IN_REVIEW;
                c.scannedAt = now;
                c.scannedBy = principal.id();
                Uni<Void> takenOver = previousOffice.equals(principal.officeCode()) ? Uni.createFrom().voidItem()
                        : book.record(c, ServiceAction.TAKEN_OVER, principal, principal.officeCode(), now,
                                "dari / from " + previousOffice);
                return takenOver
                        .chain(() -> book.record(c, ServiceAction.SCANNED, principal, c.officeCode, now, 3,
                                c.submittedAt, null, "mulai langkah 3 / step 3 starts"))
                        .replaceWith(c);
            }
            case IN_REVIEW -> {
                if (!c.officeCode.equals(principal.officeCode())) {
                    throw anotherOffice();
                }
                return Uni.createFrom().item(c); // scanned again at the same office: same case, same clock
            }
            case AWAITING_CENTRAL, APPROVED, REJECTED, ACTIVATED -> throw alreadyDecided();
            default -> throw closed();
        }
    }

    // ---------------------------------------------------------------- decision

    public Uni<CaseDossier> decide(OperatorPrincipal principal, UUID caseId, DecisionCommand command) {
        try {
            validate(command);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> cases.findById(caseId).chain(c -> {
            requireVisible(principal, c);
            requireDecidable(c);
            return offices.findById(c.officeCode).chain(office -> registry.find(c.nik)
                    .chain(resident -> record(principal, c, office, resident, command)));
        })).invoke(c -> count(c, "operator")).chain(c -> Panache.withSession(() -> dossier(c)));
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
            Optional<Resident> resident, DecisionCommand command) {
        Instant now = Instant.now();
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
            LOG.infof("case %s submitted for central verification by %s (%s)", c.id, principal.username(), office.code);
            return decisions.persist(d)
                    .chain(() -> book.record(c, ServiceAction.SUBMITTED_FOR_CENTRAL, principal, office.code, now, 3,
                            c.scannedAt, office.verificationMinutes, d.outcome.name()))
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
                .chain(() -> book.record(c, ServiceAction.DECIDED, principal, office.code, now, 3, c.scannedAt,
                        office.verificationMinutes, d.outcome.name()))
                .chain(() -> audit.append("DECISION", principal.username(), office.code, c.id.toString(), details))
                .replaceWith(c);
    }

    // ---------------------------------------------------------------- central review

    public Uni<CaseDossier> review(OperatorPrincipal principal, UUID caseId, ReviewCommand command) {
        if (command.decision() == Decision.REJECTED && command.reasonCode() == null) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.REASON_REQUIRED));
        }
        if (command.decision() == Decision.APPROVED && command.reasonCode() != null) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.REASON_NOT_ALLOWED));
        }
        return Panache.withTransaction(() -> cases.findById(caseId).chain(c -> {
            if (c == null) {
                throw notFound();
            }
            if (!principal.has(Role.SUPERVISOR)
                    || !(isCentralVerifier(principal) || principal.officeCode().equals(c.officeCode))) {
                throw new ProblemException(VerificationProblems.NOT_A_CENTRAL_VERIFIER);
            }
            if (c.status != CaseStatus.AWAITING_CENTRAL) {
                throw c.status.open() ? new ProblemException(VerificationProblems.CASE_NOT_AWAITING_CENTRAL)
                        : c.status == CaseStatus.WITHDRAWN || c.status == CaseStatus.SUPERSEDED ? closed()
                                : alreadyDecided();
            }
            return decisions.findByCase(c.id).chain(d -> offices.findById(c.officeCode)
                    .chain(office -> registry.find(c.nik)
                            .chain(resident -> finishReview(principal, c, d, office, resident, command))));
        })).invoke(c -> count(c, "central")).chain(c -> Panache.withSession(() -> dossier(c)));
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
        return outbox.append(EventMapper.decided(c, d, office, resident.orElse(null), principal.id().toString(), now))
                .chain(() -> book.record(c, ServiceAction.CENTRAL_REVIEWED, principal, office.code, now, 4,
                        c.submittedForReviewAt, office.validationMinutes, command.decision().name()))
                .chain(() -> audit.append("CENTRAL_REVIEW", principal.username(), principal.officeCode(),
                        c.id.toString(), details))
                .replaceWith(c);
    }

    /** Committed decisions and submissions, per office and outcome (Prometheus: ikd_verification_decisions_total). */
    private void count(VerificationCase c, String stage) {
        meters.counter("ikd.verification.decisions", "office", c.officeCode, "stage", stage, "status", c.status.name())
                .increment();
    }

    // ---------------------------------------------------------------- rules

    private Uni<CaseDossier> dossier(VerificationCase c) {
        return offices.findById(c.officeCode).chain(office -> decisions.findByCase(c.id)
                .chain(decision -> registry.find(c.nik).map(resident -> new CaseDossier(c, office, resident,
                        RegistryComparison.compare(c.nik, resident), Optional.ofNullable(decision)))));
    }

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

    private void requireVisible(OperatorPrincipal principal, VerificationCase c) {
        if (c == null) {
            throw notFound();
        }
        boolean ownOffice = c.officeCode.equals(principal.officeCode());
        boolean centralReview = isCentralVerifier(principal) && c.submittedForReviewAt != null;
        if (!ownOffice && !centralReview) {
            throw anotherOffice();
        }
    }

    private static void requireDecidable(VerificationCase c) {
        switch (c.status) {
            case IN_REVIEW -> {
            }
            case QUEUED -> throw new ProblemException(VerificationProblems.CASE_NOT_SCANNED);
            case AWAITING_CENTRAL, APPROVED, REJECTED, ACTIVATED -> throw alreadyDecided();
            default -> throw closed();
        }
    }

    public boolean isCentralVerifier(OperatorPrincipal principal) {
        return principal.has(Role.SUPERVISOR) && config.cases().centralOffice().equals(principal.officeCode());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static ProblemException invalidCode() {
        return new ProblemException(VerificationProblems.INVALID_COUNTER_CODE,
                "Kode QR atau kode singkat tidak sah.", "The QR payload or short code is not valid.");
    }

    private static ProblemException notFound() {
        return new ProblemException(VerificationProblems.CASE_NOT_FOUND);
    }

    private static ProblemException anotherOffice() {
        return new ProblemException(VerificationProblems.CASE_OF_ANOTHER_OFFICE);
    }

    private static ProblemException alreadyDecided() {
        return new ProblemException(VerificationProblems.CASE_ALREADY_DECIDED,
                "Satu kasus hanya dapat diputuskan sekali.", "A case can be decided only once.");
    }

    private static ProblemException closed() {
        return new ProblemException(VerificationProblems.CASE_CLOSED,
                "Registrasi ditarik atau diganti registrasi yang lebih baru.",
                "The registration was withdrawn or replaced by a newer one.");
    }
}
