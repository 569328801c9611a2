package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.config.VideoCallConfig;
import id.go.dukcapil.ikd.verification.domain.StillKind;
import id.go.dukcapil.ikd.verification.domain.StillSummary;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VideoCall;
import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.domain.VideoCallStatus;
import id.go.dukcapil.ikd.verification.domain.VideoCallStill;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.VideoCallRepository;
import id.go.dukcapil.ikd.verification.repository.VideoCallStillRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Stills the operator captures from a call (issue 18): only in an answered, open call, by the operator
 * who answered it (or a supervisor of the office), while the case is open in that office, and only
 * after the citizen's consent to the call and their separate consent to stills; at most
 * {@code max-per-call}. Everything is checked before the image is decoded and again, with the call
 * row locked, when the sealed still is stored; each capture is an audit entry (kind and ids, never the
 * image). The stills are shown as the case is ({@link CaseQueries#canSee}): to operators of the case's
 * office, and to a central verifier once the case was submitted for central review (or returned from it).
 */
@ApplicationScoped
public class VideoCallStills {

    private static final Logger LOG = Logger.getLogger(VideoCallStills.class);

    private final VideoCallRepository calls;
    private final VideoCallStillRepository stills;
    private final CaseRepository cases;
    private final StillImages images;
    private final AuditLog audit;
    private final VideoCallConfig config;
    private final Clock clock;
    private final CaseQueries queries;

    public VideoCallStills(VideoCallRepository calls, VideoCallStillRepository stills, CaseRepository cases,
            StillImages images, AuditLog audit, VideoCallConfig config, Clock clock, CaseQueries queries) {
        this.queries = queries;
        this.calls = calls;
        this.stills = stills;
        this.cases = cases;
        this.images = images;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Captures {@code jpeg} as a still of {@code kind} into the call's case. */
    public Uni<StillSummary> capture(OperatorPrincipal principal, UUID callId, StillKind kind, byte[] jpeg) {
        // every refusal that needs no pixels comes first: nothing is decoded for a call that may not have stills
        return Panache.withSession(() -> calls.findById(callId).chain(call -> allowed(principal, call)))
                .chain(ignored -> images.seal(UUID.randomUUID(), jpeg))
                .chain(sealed -> Panache.withTransaction(() -> calls.findById(callId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(call -> allowed(principal, call).replaceWith(call))
                        .chain(call -> store(principal, call, kind, sealed))));
    }

    private Uni<StillSummary> store(OperatorPrincipal principal, VideoCall call, StillKind kind, StillImages.Sealed sealed) {
        VideoCallStill still = new VideoCallStill();
        still.id = sealed.id();
        still.callId = call.id;
        still.caseId = call.caseId;
        still.kind = kind;
        still.imageSealed = sealed.sealed();
        still.width = sealed.width();
        still.height = sealed.height();
        still.capturedBy = principal.id();
        still.capturedAt = clock.instant();
        return stills.persist(still)
                .chain(() -> audit.append("VIDEO_CALL_STILL_CAPTURED", principal.username(), principal.officeCode(),
                        call.caseId.toString(), Map.of("call", call.id.toString(), "still", still.id.toString(),
                                "kind", kind.name())))
                .invoke(() -> LOG.infof("video call %s: %s still %s captured by %s", call.id, kind, still.id,
                        principal.username()))
                .replaceWith(new StillSummary(still.id, call.id, call.caseId, kind, still.width, still.height,
                        still.capturedAt));
    }

    /** The checks of a capture: the call, the operator's binding, the case, both consents, the count. */
    private Uni<Void> allowed(OperatorPrincipal principal, VideoCall call) {
        OperatorVideoCalls.requireOperator(principal, call);
        call.requireOpen();
        if (call.status != VideoCallStatus.CONNECTED) {
            throw new ProblemException(VideoCallProblems.CALL_NOT_ANSWERED);
        }
        if (call.consentAt == null) {
            throw new ProblemException(VideoCallProblems.CONSENT_REQUIRED,
                    "Minta pemohon menekan \"Saya setuju\" di halaman panggilan.",
                    "Ask the citizen to press \"I agree\" on the call page.");
        }
        if (call.stillsConsentAt == null) {
            throw new ProblemException(VideoCallProblems.STILLS_CONSENT_REQUIRED,
                    "Foto hanya boleh diambil bila pemohon menyetujuinya di halaman panggilan.",
                    "Stills may be captured only when the citizen agrees to it on the call page.");
        }
        return cases.findById(call.caseId).chain(c -> {
            requireOwnOpenCase(principal, c);
            return stills.countOfCall(call.id);
        }).invoke(count -> {
            if (count >= config.stills().maxPerCall()) {
                throw new ProblemException(VideoCallProblems.STILLS_LIMIT_REACHED,
                        "Satu panggilan paling banyak " + config.stills().maxPerCall() + " foto.",
                        "A call may hold at most " + config.stills().maxPerCall() + " stills.")
                        .with("maxPerCall", config.stills().maxPerCall());
            }
        }).replaceWithVoid();
    }

    private static void requireOwnOpenCase(OperatorPrincipal principal, VerificationCase c) {
        if (c == null || !c.officeCode.equals(principal.officeCode())) {
            throw new ProblemException(VideoCallProblems.CALL_NOT_FOUND);
        }
        if (!c.status.open()) {
            throw CaseProblems.closed();
        }
    }

    /** The case's stills without their images, for whoever may see the case (else none). */
    public Uni<List<StillSummary>> ofCase(OperatorPrincipal principal, UUID caseId) {
        return Panache.withSession(() -> cases.findById(caseId).chain(c -> {
            if (!visible(principal, c)) {
                return Uni.createFrom().item(List.<StillSummary>of());
            }
            return stills.ofCase(caseId);
        }));
    }

    /** The case's rule: its own office, or a central verifier once it was submitted for central review. */
    private boolean visible(OperatorPrincipal principal, VerificationCase c) {
        return queries.canSee(principal, c);
    }

    /** The JPEG of a still captured in the call {@code callId}, for whoever may see its case (else not found). */
    public Uni<byte[]> image(OperatorPrincipal principal, UUID callId, UUID stillId) {
        return Panache.withSession(() -> stills.findById(stillId).chain(still -> {
            if (still == null || !still.callId.equals(callId)) {
                throw new ProblemException(VideoCallProblems.STILL_NOT_FOUND);
            }
            return cases.findById(still.caseId).map(c -> {
                if (!visible(principal, c)) {
                    throw new ProblemException(VideoCallProblems.STILL_NOT_FOUND);
                }
                return still.imageSealed;
            });
        })).emitOn(Infrastructure.getDefaultWorkerPool()).map(sealed -> {
            try {
                return images.open(stillId, sealed);
            } catch (IllegalStateException e) {
                // sealed under a key since rotated (or tampered with): never served, shown as missing
                LOG.warnf("still %s does not open under the current ikd.video-call.stills.key", stillId);
                throw new ProblemException(VideoCallProblems.STILL_NOT_FOUND);
            }
        });
    }
}
