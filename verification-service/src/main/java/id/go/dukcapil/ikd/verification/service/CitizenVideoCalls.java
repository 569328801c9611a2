package id.go.dukcapil.ikd.verification.service;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.domain.VideoCall;
import id.go.dukcapil.ikd.verification.domain.VideoCallEnd;
import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.CounterCodeRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.VideoCallRepository;
import id.go.dukcapil.ikd.web.Digests;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The citizen's side of a video call (SOP step 3 by "Videocall"): asked for with a valid counter code
 * (what proves the registration at the counter too), then followed with the call token the answer
 * carried. Asking again rejoins the open call with a new token, and the old page stops; a call that
 * fails loses nothing, since the case stays in the office's queue.
 */
@ApplicationScoped
public class CitizenVideoCalls {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the citizen's page needs: the call, its token (shown once), and where the call goes. */
    public record CitizenCall(VideoCall call, String token, Office office, boolean rejoined) {
    }

    private final CallCodes codes;
    private final CounterCodeRepository counterCodes;
    private final CaseRepository cases;
    private final OfficeRepository offices;
    private final VideoCallRepository calls;
    private final Clock clock;
    private final PublicRateLimiter limiter;
    private final VideoCallRecords records;

    public CitizenVideoCalls(CallCodes codes, CounterCodeRepository counterCodes, CaseRepository cases,
            OfficeRepository offices, VideoCallRepository calls, Clock clock, PublicRateLimiter limiter,
            VideoCallRecords records) {
        this.codes = codes;
        this.counterCodes = counterCodes;
        this.cases = cases;
        this.offices = offices;
        this.calls = calls;
        this.clock = clock;
        this.limiter = limiter;
        this.records = records;
    }

    /**
     * A call for the registration whose counter code this is: a new one, or the open one with a new
     * token. Counted against the client's address first (429 RATE_LIMITED past its allowance).
     */
    public Uni<CitizenCall> request(String counterCode, String clientAddress) {
        return limiter.checkVideoCall(clientAddress).chain(() -> openOrRejoin(counterCode));
    }

    private Uni<CitizenCall> openOrRejoin(String counterCode) {
        SuiteKeyring.CounterCodeClaims claims = codes.read(counterCode);
        UUID registrationId = UUID.fromString(claims.registrationId());
        String token = newToken();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> counterCodes.latestOf(registrationId).chain(latest -> {
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
                    String name = office == null ? null : office.name;
                    throw new ProblemException(VideoCallProblems.VIDEO_CALLS_NOT_OFFERED,
                            "Silakan datang ke tempat pelayanan " + (name == null ? "kantor Anda" : name)
                                    + " dengan KTP-el dan aplikasi IKD.",
                            "Please come to the service place of " + (name == null ? "your office" : name)
                                    + " with your KTP-el and the IKD app.");
                }
                return calls.openOfRegistration(registrationId).chain(open -> {
                    VideoCall call = open != null ? open : VideoCall.waitingFor(c, now);
                    call.citizenTokenHash = Digests.sha256(token);
                    call.citizenSeenAt = now;
                    records.requested(open != null);
                    return calls.persist(call).map(saved -> new CitizenCall(saved, token, office, open != null));
                });
            });
        }));
    }

    /**
     * The call, if {@code token} is its citizen's current token; the citizen counts as present now. Read
     * without a write of the entity: a page posts its ICE candidates several at once, and each bumping the
     * call's version would make the others fail with a conflict; presence is one plain statement instead.
     */
    public Uni<VideoCall> asCitizen(UUID callId, String token) {
        return Panache.withSession(() -> calls.findById(callId)).invoke(call -> requireCitizen(call, token))
                .call(call -> calls.touchCitizen(callId, call.citizenTokenHash));
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
            call.requireOpen();
            if (call.consentAt == null) {
                call.consentAt = clock.instant();
            }
            return call;
        }));
    }

    /**
     * The citizen's separate consent to stills (face, KTP-el) captured into the case, recorded with its
     * time; only after the consent to the call itself, whose words say the call is not recorded.
     */
    public Uni<VideoCall> consentToStills(UUID callId, String token) {
        return Panache.withTransaction(() -> calls.findById(callId).map(call -> {
            requireCitizen(call, token);
            call.requireOpen();
            if (call.consentAt == null) {
                throw new ProblemException(VideoCallProblems.CONSENT_REQUIRED);
            }
            if (call.stillsConsentAt == null) {
                call.stillsConsentAt = clock.instant();
            }
            return call;
        }));
    }

    public Uni<VideoCall> leave(UUID callId, String token) {
        return Panache.withTransaction(() -> calls.findById(callId).call(call -> {
            requireCitizen(call, token);
            if (!call.open()) {
                return Uni.createFrom().voidItem();
            }
            call.end(VideoCallEnd.CITIZEN_LEFT, clock.instant());
            return records.ended(call, VideoCallEnd.CITIZEN_LEFT, null);
        }));
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

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
