package id.go.dukcapil.ikd.verification.service;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.config.VideoCallConfig;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.domain.VideoCall;
import id.go.dukcapil.ikd.verification.domain.VideoCallEnd;
import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.domain.VideoCallStatus;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.CounterCodeRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.VideoCallRepository;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.Digests;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The life of a video call (SOP step 3 by "Videocall"): the citizen asks with a valid counter code
 * and waits; an operator of the case's office answers from the video queue; in the call the citizen's
 * page sends its counter code, which the operator's page scans as at the counter; the decision is the
 * usual one, with channel VIDEO_CALL and the call's id; either side can end the call, and a failed
 * call loses nothing (the case stays in the queue; the citizen can ask again and rejoin).
 */
@ApplicationScoped
public class VideoCallService {

    private static final Logger LOG = Logger.getLogger(VideoCallService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The citizen's page is heard from every 15 s while it is open (its stream's heartbeat). */
    private static final Duration PRESENT_WITHIN = Duration.ofSeconds(45);

    /** What the citizen's page needs: the call, its token (shown once), and where the call goes. */
    public record CitizenCall(VideoCall call, String token, Office office, boolean rejoined) {
    }

    /** An open call in an office's queue, with its case and whether the citizen is still there. */
    public record QueuedCall(VideoCall call, VerificationCase verificationCase, boolean citizenPresent, String zone) {
    }

    private final SuiteKeyring keyring;
    private final CounterCodeRepository codes;
    private final CaseRepository cases;
    private final OfficeRepository offices;
    private final VideoCallRepository calls;
    private final VerificationService verification;
    private final AuditLog audit;
    private final VideoCallConfig config;
    private final Clock clock;

    public VideoCallService(SuiteKeyring keyring, CounterCodeRepository codes, CaseRepository cases,
            OfficeRepository offices, VideoCallRepository calls, VerificationService verification, AuditLog audit,
            VideoCallConfig config, Clock clock) {
        this.keyring = keyring;
        this.codes = codes;
        this.cases = cases;
        this.offices = offices;
        this.calls = calls;
        this.verification = verification;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ citizen

    /**
     * A call for the registration whose counter code this is: a new one, or the open one again with a
     * new token (a reload, a second device, a dropped page: the old link stops working).
     */
    public Uni<CitizenCall> request(String counterCode) {
        SuiteKeyring.CounterCodeClaims claims = readCode(counterCode);
        UUID registrationId = UUID.fromString(claims.registrationId());
        String token = newToken();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> codes.latestOf(registrationId).chain(latest -> {
            if (latest != null && latest.sequence > claims.sequence()) {
                throw new ProblemException(VerificationProblems.COUNTER_CODE_SUPERSEDED,
                        "Buka aplikasi IKD dan minta panggilan lagi dengan kode terbaru.",
                        "Open the IKD app and ask for the call again with the newest code.");
            }
            return cases.findByRegistration(registrationId);
        }).chain(c -> {
            if (c == null) {
                throw new ProblemException(VerificationProblems.CASE_NOT_FOUND,
                        "Pendaftaran Anda belum sampai ke kantor; coba lagi sebentar lagi.",
                        "Your registration has not reached the office yet; try again shortly.");
            }
            if (!c.status.open()) {
                throw new ProblemException(VerificationProblems.CASE_CLOSED,
                        "Pendaftaran ini sudah diputuskan atau ditutup; tidak perlu panggilan video.",
                        "This registration was already decided or closed; no video call is needed.");
            }
            return offices.findById(c.officeCode).chain(office -> {
                if (office == null || !office.videoCalls) {
                    throw new ProblemException(VideoCallProblems.VIDEO_CALLS_NOT_OFFERED,
                            "Silakan datang ke tempat pelayanan " + (office == null ? "kantor Anda" : office.name)
                                    + " dengan KTP-el dan aplikasi IKD.",
                            "Please come to the service place of " + (office == null ? "your office" : office.name)
                                    + " with your KTP-el and the IKD app.");
                }
                return calls.openOfRegistration(registrationId).chain(open -> {
                    VideoCall call = open != null ? open : newCall(c, now);
                    call.citizenTokenHash = Digests.sha256(token);
                    call.citizenSeenAt = now;
                    return calls.persist(call).map(saved -> new CitizenCall(saved, token, office, open != null));
                });
            });
        }));
    }

    /** The call, if {@code token} is its citizen's current token; the citizen counts as present now. */
    public Uni<VideoCall> asCitizen(UUID callId, String token) {
        return Panache.withTransaction(() -> calls.findById(callId).map(call -> {
            requireCitizen(call, token);
            call.citizenSeenAt = clock.instant();
            return call;
        }));
    }

    /** Whether the citizen's page with {@code token} is still the call's (and the call open); marks it present. */
    public Uni<Boolean> stillPresent(UUID callId, String token) {
        if (token == null || token.length() > 128) {
            return Uni.createFrom().item(false);
        }
        return calls.touchCitizen(callId, Digests.sha256(token));
    }

    /** The citizen agrees to be seen, with their KTP-el, by the office's operator (recorded with its time). */
    public Uni<VideoCall> consent(UUID callId, String token) {
        return Panache.withTransaction(() -> calls.findById(callId).map(call -> {
            requireCitizen(call, token);
            requireOpen(call);
            if (call.consentAt == null) {
                call.consentAt = clock.instant();
            }
            return call;
        }));
    }

    public Uni<VideoCall> leave(UUID callId, String token) {
        return Panache.withTransaction(() -> calls.findById(callId).map(call -> {
            requireCitizen(call, token);
            end(call, VideoCallEnd.CITIZEN_LEFT);
            return call;
        }));
    }

    // ------------------------------------------------------------------ operator

    /**
     * The office's open calls; a waiting citizen unheard for {@code no-show-after} is left out (the
     * housekeeping ends such calls as no-shows within a minute).
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
            requireOpen(call);
            if (call.status == VideoCallStatus.CONNECTED && !principal.id().equals(call.answeredBy)) {
                throw new ProblemException(VideoCallProblems.CALL_TAKEN);
            }
            if (call.status == VideoCallStatus.WAITING) {
                call.status = VideoCallStatus.CONNECTED;
                call.answeredAt = now;
                call.answeredBy = principal.id();
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
     * the scan, the case taken by this operator); refused if it is another registration's code.
     */
    public Uni<CaseDossier> scanInCall(OperatorPrincipal principal, String operatorToken, UUID callId, String counterCode) {
        return asOperator(principal, callId).chain(call -> {
            requireOpen(call);
            if (call.consentAt == null) {
                throw new ProblemException(VideoCallProblems.CONSENT_REQUIRED,
                        "Minta pemohon menekan \"Saya setuju\" di halaman panggilan.",
                        "Ask the citizen to press \"I agree\" on the call page.");
            }
            SuiteKeyring.CounterCodeClaims claims = readCode(counterCode);
            if (!call.registrationId.toString().equals(claims.registrationId())) {
                LOG.warnf("video call %s: a counter code of another registration was sent in the call", call.id);
                throw new ProblemException(VerificationProblems.INVALID_COUNTER_CODE,
                        "Kode loket ini bukan milik pendaftaran panggilan ini.",
                        "This counter code does not belong to this call's registration.");
            }
            return verification.scan(principal, operatorToken, counterCode, null);
        });
    }

    public Uni<VideoCall> hangUp(OperatorPrincipal principal, UUID callId, boolean decided) {
        return Panache.withTransaction(() -> calls.findById(callId).map(call -> {
            requireOperator(principal, call);
            end(call, decided ? VideoCallEnd.COMPLETED : VideoCallEnd.OPERATOR_ENDED);
            return call;
        }));
    }

    // ------------------------------------------------------------------ rules

    private VideoCall newCall(VerificationCase c, Instant now) {
        VideoCall call = new VideoCall();
        call.id = UUID.randomUUID();
        call.registrationId = c.registrationId;
        call.caseId = c.id;
        call.officeCode = c.officeCode;
        call.status = VideoCallStatus.WAITING;
        call.requestedAt = now;
        return call;
    }

    private void end(VideoCall call, VideoCallEnd reason) {
        if (call.open()) {
            call.status = VideoCallStatus.ENDED;
            call.endedAt = clock.instant();
            call.endReason = reason;
        }
    }

    private SuiteKeyring.CounterCodeClaims readCode(String counterCode) {
        if (counterCode == null || counterCode.isBlank() || counterCode.length() > 4096) {
            throw new ProblemException(VerificationProblems.INVALID_COUNTER_CODE);
        }
        SuiteKeyring.CounterCodeClaims claims;
        try {
            claims = keyring.verifyCounterCode(counterCode.strip());
            UUID.fromString(claims.registrationId());
        } catch (SuiteKeyring.InvalidCounterCodeException | IllegalArgumentException e) {
            throw new ProblemException(VerificationProblems.INVALID_COUNTER_CODE);
        }
        if (claims.expired()) {
            throw new ProblemException(VerificationProblems.COUNTER_CODE_EXPIRED,
                    "Buat kode baru di aplikasi IKD, lalu coba lagi.", "Create a new code in the IKD app, then try again.");
        }
        return claims;
    }

    private static void requireCitizen(VideoCall call, String token) {
        if (call == null) {
            throw new ProblemException(VideoCallProblems.CALL_NOT_FOUND);
        }
        if (token == null || token.length() > 128
                || !MessageDigest.isEqual(call.citizenTokenHash, Digests.sha256(token))) {
            throw new ProblemException(VideoCallProblems.CALL_TOKEN_INVALID);
        }
    }

    private static void requireOffice(OperatorPrincipal principal, VideoCall call) {
        if (call == null || !call.officeCode.equals(principal.officeCode())) {
            // another office's call is not shown to exist
            throw new ProblemException(VideoCallProblems.CALL_NOT_FOUND);
        }
        if (!principal.canDecide()) {
            throw new ProblemException(CommonProblems.FORBIDDEN);
        }
    }

    private static void requireOperator(OperatorPrincipal principal, VideoCall call) {
        requireOffice(principal, call);
        if (call.answeredBy == null) {
            throw new ProblemException(VideoCallProblems.CALL_NOT_ANSWERED);
        }
        if (!principal.id().equals(call.answeredBy) && !principal.has(Role.SUPERVISOR)) {
            throw new ProblemException(VideoCallProblems.CALL_TAKEN);
        }
    }

    private static void requireOpen(VideoCall call) {
        if (!call.open()) {
            throw new ProblemException(VideoCallProblems.CALL_ENDED);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
