package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.verification.config.VideoCallConfig;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.domain.VideoCall;
import id.go.dukcapil.ikd.verification.domain.VideoCallEnd;
import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.domain.VideoCallStatus;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.VideoCallRepository;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The office's side of video calls: the video queue, answering, the counter code sent in the call
 * scanned as at the counter, the decision taken in the call (channel VIDEO_CALL, the call's id as its
 * reference), and hanging up. Only the case's office sees its calls; only the operator who answered
 * (or a supervisor of the office) acts in one.
 */
@ApplicationScoped
public class OperatorVideoCalls {

    private static final Logger LOG = Logger.getLogger(OperatorVideoCalls.class);
    /** The citizen's page is heard from every 15 s while it is open (its stream's heartbeat). */
    private static final Duration PRESENT_WITHIN = Duration.ofSeconds(45);

    /** An open call in an office's queue, with its case and whether the citizen is still there. */
    public record QueuedCall(VideoCall call, VerificationCase verificationCase, boolean citizenPresent, String zone) {
    }

    /** The decision taken in a call: what the page shows and the citizen's page is told. */
    public record CallDecision(UUID caseId, Decision decision) {
    }

    private final CallCodes codes;
    private final CaseRepository cases;
    private final OfficeRepository offices;
    private final VideoCallRepository calls;
    private final VideoCallSignals signals;
    private final CaseScanning scanning;
    private final CaseDecisions decisions;
    private final AuditLog audit;
    private final VideoCallConfig config;
    private final Clock clock;
    private final VideoCallRecords records;

    public OperatorVideoCalls(CallCodes codes, CaseRepository cases, OfficeRepository offices, VideoCallRepository calls,
            VideoCallSignals signals, CaseScanning scanning, CaseDecisions decisions, AuditLog audit,
            VideoCallConfig config, Clock clock, VideoCallRecords records) {
        this.codes = codes;
        this.cases = cases;
        this.offices = offices;
        this.calls = calls;
        this.signals = signals;
        this.scanning = scanning;
        this.decisions = decisions;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.records = records;
    }

    /**
     * The office's open calls, longest waiting first; a waiting citizen unheard for {@code no-show-after}
     * is left out (the housekeeping ends such calls as no-shows within a minute).
     */
    public Uni<List<QueuedCall>> queue(OperatorPrincipal principal) {
        Instant now = clock.instant();
        Instant silentSince = now.minus(config.noShowAfter());
        return Panache.withSession(() -> calls.openOfOffice(principal.officeCode()).chain(open -> {
            List<VideoCall> live = open.stream().filter(call -> call.status != VideoCallStatus.WAITING
                    || !call.citizenSeenAt.isBefore(silentSince)).toList();
            List<UUID> caseIds = live.stream().map(call -> call.caseId).toList();
            if (caseIds.isEmpty()) {
                return Uni.createFrom().item(List.<QueuedCall>of());
            }
            // one after the other: a reactive session runs one statement at a time
            return offices.findById(principal.officeCode()).chain(office -> cases.list("id in ?1", caseIds).map(found -> {
                Map<UUID, VerificationCase> byId = found.stream().collect(Collectors.toMap(c -> c.id, c -> c));
                String zone = office == null ? null : office.zone().name();
                return live.stream().map(call -> new QueuedCall(call, byId.get(call.caseId),
                        !call.citizenSeenAt.isBefore(now.minus(PRESENT_WITHIN)), zone)).toList();
            }));
        }));
    }

    /** The operator takes the call: theirs from now on (a reload of their page answers again). */
    public Uni<VideoCall> answer(OperatorPrincipal principal, UUID callId) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> calls.findById(callId).chain(call -> {
            requireOffice(principal, call);
            call.requireOpen();
            if (call.status == VideoCallStatus.CONNECTED && !principal.id().equals(call.answeredBy)) {
                throw new ProblemException(VideoCallProblems.CALL_TAKEN);
            }
            if (call.status == VideoCallStatus.WAITING) {
                call.status = VideoCallStatus.CONNECTED;
                call.answeredAt = now;
                call.answeredBy = principal.id();
                records.answered();
            }
            return audit.append("VIDEO_CALL_ANSWERED", principal.username(), principal.officeCode(),
                    call.caseId.toString(), Map.of("call", call.id.toString())).replaceWith(call);
        }));
    }

    /** The call, for the operator who answered it (or a supervisor of the office). */
    public Uni<VideoCall> asOperator(OperatorPrincipal principal, UUID callId) {
        return Panache.withSession(() -> calls.findById(callId).map(call -> {
            requireOperator(principal, call);
            return call;
        }));
    }

    /**
     * The counter code the citizen's page sent in the call, scanned as at the counter (every check of
     * the scan, the case taken by this operator); refused before the citizen's consent, and when it is
     * another registration's code.
     */
    public Uni<CaseDossier> scanInCall(OperatorPrincipal principal, String operatorToken, UUID callId, String counterCode) {
        return asOperator(principal, callId).chain(call -> {
            requireConsentedAndOpen(call);
            SuiteKeyring.CounterCodeClaims claims = codes.read(counterCode);
            if (!call.registrationId.toString().equals(claims.registrationId())) {
                LOG.warnf("video call %s: a counter code of another registration was sent in the call", call.id);
                throw new ProblemException(VerificationProblems.INVALID_COUNTER_CODE,
                        "Kode loket ini bukan milik pendaftaran panggilan ini.",
                        "This counter code does not belong to this call's registration.");
            }
            return scanning.scan(principal, operatorToken, counterCode, null);
        });
    }

    /** Approves or rejects in the call; the call ends as completed and the citizen's page is told the outcome. */
    public Uni<CallDecision> decide(OperatorPrincipal principal, UUID callId, Decision decision, RejectionReason reason,
            String note, boolean ktpElChecked) {
        return asOperator(principal, callId).chain(call -> {
            requireConsentedAndOpen(call);
            var command = new CaseDecisions.DecisionCommand(decision, reason, note, Channel.VIDEO_CALL,
                    call.id.toString(), ktpElChecked);
            return decisions.decide(principal, call.caseId, command, IdempotencyKey.NONE)
                    .chain(() -> end(principal, callId, VideoCallEnd.COMPLETED, decision))
                    .replaceWith(new CallDecision(call.caseId, decision));
        });
    }

    /** Ends the call without a decision: the case stays in the office's queue. */
    public Uni<Void> hangUp(OperatorPrincipal principal, UUID callId) {
        return end(principal, callId, VideoCallEnd.OPERATOR_ENDED, null);
    }

    private Uni<Void> end(OperatorPrincipal principal, UUID callId, VideoCallEnd reason, Decision decision) {
        return Panache.withTransaction(() -> calls.findById(callId).call(call -> {
            requireOperator(principal, call);
            if (!call.open()) {
                return Uni.createFrom().voidItem();
            }
            call.end(reason, clock.instant());
            return records.ended(call, reason, principal);
        })).chain(ended -> {
            var hangup = JsonNodeFactory.instance.objectNode().put("reason", reason.name());
            if (decision != null) {
                hangup.put("outcome", decision.name());
            }
            return signals.send(callId, VideoCallSignals.OPERATOR, "hangup", hangup);
        });
    }

    private static void requireConsentedAndOpen(VideoCall call) {
        call.requireOpen();
        if (call.consentAt == null) {
            throw new ProblemException(VideoCallProblems.CONSENT_REQUIRED,
                    "Minta pemohon menekan \"Saya setuju\" di halaman panggilan.",
                    "Ask the citizen to press \"I agree\" on the call page.");
        }
    }

    static void requireOffice(OperatorPrincipal principal, VideoCall call) {
        if (call == null || !call.officeCode.equals(principal.officeCode())) {
            // another office's call is not shown to exist
            throw new ProblemException(VideoCallProblems.CALL_NOT_FOUND);
        }
        if (!principal.canDecide()) {
            throw new ProblemException(CommonProblems.FORBIDDEN);
        }
    }

    static void requireOperator(OperatorPrincipal principal, VideoCall call) {
        requireOffice(principal, call);
        if (call.answeredBy == null) {
            throw new ProblemException(VideoCallProblems.CALL_NOT_ANSWERED);
        }
        if (!principal.id().equals(call.answeredBy) && !principal.has(Role.SUPERVISOR)) {
            throw new ProblemException(VideoCallProblems.CALL_TAKEN);
        }
    }
}
