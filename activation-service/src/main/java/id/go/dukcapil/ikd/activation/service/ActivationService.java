package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.web.ProofOfWork;
import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.activation.crypto.DeviceKeys;
import id.go.dukcapil.ikd.activation.crypto.KeyedHasher;
import id.go.dukcapil.ikd.activation.crypto.ProofOfWorkCaptcha;
import id.go.dukcapil.ikd.activation.crypto.SecretGenerator;
import id.go.dukcapil.ikd.activation.domain.ActivationCode;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.domain.CodeStatus;
import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.domain.IdentityStatus;
import id.go.dukcapil.ikd.activation.repository.ActivationCodeRepository;
import id.go.dukcapil.ikd.activation.repository.ApprovalRepository;
import id.go.dukcapil.ikd.activation.repository.CaptchaSolutionRepository;
import id.go.dukcapil.ikd.activation.repository.IdentityRepository;
import id.go.dukcapil.ikd.activation.service.ActivationOutcome.Result;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.messaging.IdempotentRequests;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.Masking;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * SOP step 5: the citizen enters the activation PIN. The code row is locked for the attempt, so
 * two concurrent attempts with the right PIN activate once; a wrong PIN is counted and the fifth
 * locks the code. The right PIN creates the identity bound to the registration's device key and
 * revokes the NIK's previous identity, if any.
 */
@ApplicationScoped
public class ActivationService {

    private static final Logger LOG = Logger.getLogger(ActivationService.class);
    /** The operation an Idempotency-Key is bound to. */
    private static final String ACTIVATE = "activation.activate";

    private final ActivationCodeRepository codes;
    private final ApprovalRepository approvals;
    private final IdentityRepository identities;
    private final CaptchaSolutionRepository captchaSolutions;
    private final IdentityService identityService;
    private final ProofOfWorkCaptcha captcha;
    private final KeyedHasher hasher;
    private final SecretGenerator secrets;
    private final Outbox outbox;
    private final PublishedEvents events;
    private final ActivationConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final IdempotentRequests idempotent;

    public ActivationService(ActivationCodeRepository codes, ApprovalRepository approvals,
            IdentityRepository identities, CaptchaSolutionRepository captchaSolutions, IdentityService identityService,
            ProofOfWorkCaptcha captcha, KeyedHasher hasher, SecretGenerator secrets, Outbox outbox, PublishedEvents events,
            ActivationConfig config, Clock clock, MeterRegistry registry, IdempotentRequests idempotent) {
        this.codes = codes;
        this.approvals = approvals;
        this.identities = identities;
        this.captchaSolutions = captchaSolutions;
        this.identityService = identityService;
        this.captcha = captcha;
        this.hasher = hasher;
        this.secrets = secrets;
        this.outbox = outbox;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.idempotent = idempotent;
    }

    @WithSession
    public Uni<LinkState> linkState(String linkToken) {
        if (!plausibleToken(linkToken)) {
            return Uni.createFrom().item(new LinkState(LinkState.State.UNKNOWN, 0));
        }
        return codes.findByLinkTokenHash(hasher.hash(KeyedHasher.LINK_TOKEN, linkToken)).map(code -> {
            if (code == null) {
                return new LinkState(LinkState.State.UNKNOWN, 0);
            }
            return switch (code.status) {
                case USED -> new LinkState(LinkState.State.USED, 0);
                case LOCKED -> new LinkState(LinkState.State.LOCKED, 0);
                case REPLACED -> new LinkState(LinkState.State.REPLACED, 0);
                case WITHDRAWN -> new LinkState(LinkState.State.WITHDRAWN, 0);
                case ACTIVE -> code.expiredAt(clock.instant()) ? new LinkState(LinkState.State.EXPIRED, 0)
                        : new LinkState(LinkState.State.READY, attemptsLeft(code));
            };
        });
    }

    /**
     * The same request sent again (a retry after a lost answer) answers what the first did: the
     * answer is recorded in the transaction of the effect. It is looked up before that transaction
     * opens, so no request holds one pooled connection while waiting for a second.
     */
    public Uni<ActivationOutcome> activate(String linkToken, String pin, String captchaSolution, IdempotencyKey key) {
        return idempotent.replayOr(key, ACTIVATE, ActivationOutcome.class, () -> Panache.withTransaction(
                () -> activateNew(linkToken, pin, captchaSolution).call(outcome -> idempotent.record(key, ACTIVATE, outcome))));
    }

    private Uni<ActivationOutcome> activateNew(String linkToken, String pin, String captchaSolution) {
        Optional<ProofOfWork.Solution> solved = captcha.verify(captchaSolution);
        if (solved.isEmpty() || !plausibleToken(linkToken)) {
            Result refused = solved.isEmpty() ? Result.CAPTCHA_FAILED : Result.INVALID_LINK;
            registry.counter("ikd.activation.attempts", "result", refused.name()).increment();
            return Uni.createFrom().item(ActivationOutcome.of(refused));
        }
        return captchaSolutions.recordFirstUse(solved.get().challenge(), solved.get().expiresAt())
                .chain(first -> !first ? Uni.createFrom().item(ActivationOutcome.of(Result.CAPTCHA_FAILED))
                        : codes.find("linkTokenHash", hasher.hash(KeyedHasher.LINK_TOKEN, linkToken))
                                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                                .chain(code -> attempt(code, pin)))
                // counted per outcome: a rise of WRONG_PIN/LOCKED or CAPTCHA_FAILED is an attack signal
                .invoke(outcome -> registry.counter("ikd.activation.attempts", "result", outcome.result().name())
                        .increment());
    }

    private Uni<ActivationOutcome> attempt(ActivationCode code, String pin) {
        if (code == null) {
            return Uni.createFrom().item(ActivationOutcome.of(Result.INVALID_LINK));
        }
        Instant now = clock.instant();
        switch (code.status) {
            case USED:
                return Uni.createFrom().item(ActivationOutcome.of(Result.ALREADY_ACTIVATED));
            case LOCKED:
                return Uni.createFrom().item(ActivationOutcome.of(Result.LOCKED));
            case REPLACED:
                return Uni.createFrom().item(ActivationOutcome.of(Result.REPLACED));
            case WITHDRAWN:
                return Uni.createFrom().item(ActivationOutcome.of(Result.WITHDRAWN));
            case ACTIVE:
                break;
        }
        if (code.expiredAt(now)) {
            return Uni.createFrom().item(ActivationOutcome.of(Result.EXPIRED));
        }
        if (pin == null || !pin.matches("\\d{6}") || !hasher.matches(KeyedHasher.PIN, pin, code.pinHash)) {
            code.failedAttempts++;
            if (code.failedAttempts >= config.maxPinAttempts()) {
                code.status = CodeStatus.LOCKED;
                LOG.infof("activation code %d of registration %s locked after %d wrong PINs", code.sequence,
                        code.registrationId, code.failedAttempts);
                return Uni.createFrom().item(ActivationOutcome.of(Result.LOCKED));
            }
            return Uni.createFrom().item(new ActivationOutcome(Result.WRONG_PIN, attemptsLeft(code), null));
        }
        code.status = CodeStatus.USED;
        code.usedAt = now;
        return approvals.findById(code.registrationId)
                .chain(approval -> createIdentity(approval, now))
                .map(identity -> new ActivationOutcome(Result.ACTIVATED, 0, identity.activatedAt));
    }

    private Uni<Identity> createIdentity(Approval approval, Instant now) {
        Identity identity = new Identity();
        identity.id = UUID.randomUUID();
        identity.registrationId = approval.registrationId;
        identity.nik = approval.nik;
        identity.subject = secrets.subject();
        identity.deviceKeyJwk = approval.deviceKeyJwk;
        identity.deviceKeyThumbprint = DeviceKeys.thumbprint(approval.deviceKeyJwk);
        identity.status = IdentityStatus.ACTIVE;
        identity.activatedAt = now;
        return identities.findActiveByNik(approval.nik)
                .chain(previous -> previous == null ? Uni.createFrom().voidItem()
                        // revoked and flushed first: one ACTIVE identity per NIK is a unique index
                        : identityService.revoke(previous, RevocationReason.REPLACED_BY_NEW_DEVICE, identity.id)
                                .chain(identities::flush))
                .chain(() -> identities.persist(identity))
                .call(() -> outbox.append(events.activated(identity, approval)))
                .invoke(() -> LOG.infof("identity %s activated for NIK %s", identity.id, Masking.nik(approval.nik)));
    }

    private int attemptsLeft(ActivationCode code) {
        return Math.max(0, config.maxPinAttempts() - code.failedAttempts);
    }

    private static boolean plausibleToken(String linkToken) {
        return linkToken != null && !linkToken.isBlank() && linkToken.length() <= 128;
    }
}
