package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.IndonesianTimeZone;
import id.go.dukcapil.ikd.messaging.IdempotentRequests;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.domain.CounterCode;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import id.go.dukcapil.ikd.registration.domain.TimelineChange;
import id.go.dukcapil.ikd.registration.domain.TimelineEntry;
import id.go.dukcapil.ikd.registration.domain.TimelineKind;
import id.go.dukcapil.ikd.registration.mapping.RegistrationMapper;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import id.go.dukcapil.ikd.registration.repository.TimelineRepository;
import id.go.dukcapil.ikd.registration.service.credentials.CounterCodeSigner;
import id.go.dukcapil.ikd.registration.service.credentials.RegistrationSecrets;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.registration.service.liveness.SelfieIntake;
import id.go.dukcapil.ikd.registration.service.ratelimit.RateLimiter;
import id.go.dukcapil.ikd.registration.service.ratelimit.RateLimiter.Action;
import id.go.dukcapil.ikd.registration.service.selfie.Selfie;
import id.go.dukcapil.ikd.registration.service.selfie.SelfieVault;
import id.go.dukcapil.ikd.registration.service.timeline.TimelineFeed;
import id.go.dukcapil.ikd.registration.service.timeline.TimelineRecorder;
import id.go.dukcapil.ikd.registration.service.validation.DeviceKey;
import id.go.dukcapil.ikd.registration.service.validation.DeviceKeyValidator;
import id.go.dukcapil.ikd.registration.service.validation.NikValidator;
import id.go.dukcapil.ikd.web.ContactValidator;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.VertxContexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The registration API's service: registering (SOP step 2) and reading a registration (status,
 * whether a counter code is current, the secret, the selfie). New counter codes, withdrawal, expiry
 * and the live timeline are passed on to {@link CounterCodes}, {@link Withdrawals},
 * {@link RegistrationExpiry} and {@link TimelineFeed}, which hold their rules.
 *
 * <p>No enumeration: a well-formed registration is always answered 202 with the same shape and
 * the same work (selfie decoding dominates the time), whether its NIK, email or phone are new,
 * pending or belong to an active IKD. Registrations of one NIK do not cancel each other (the NIK
 * is printed on the KTP, so "the newest wins" let anyone cancel a citizen's registration): up to
 * {@code max-pending-per-nik} await verification side by side, the operator at the counter
 * approves the one on the citizen's phone and the others are withdrawn then (JourneyService).
 * Beyond the limit the answer is NIK_PENDING_LIMIT, which says no more than "this NIK has
 * registrations waiting", after the same work as an accepted one. A NIK with an active
 * IKD registers like any other: that is how a citizen moves to a new phone, and the operator's
 * check of the person and the KTP-el at the counter stops anyone else.
 */
@ApplicationScoped
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class);
    /** The operation an Idempotency-Key is bound to. */
    static final String REGISTER = "registration.register";

    /** A registration as the app sent it; {@code selfie}: the still, or the moving selfie's challenge and frames. */
    public record Form(String nik, String email, String phone, String language, String deviceKey,
            SelfieIntake.Upload selfie) {
    }

    /**
     * A registration stored: its id, the secret shown once, its status, its first counter code and the
     * time zone of its office (the NIK's province), in which the app shows every time.
     */
    public record Registered(UUID registrationId, String secret, String status, IssuedCode counterCode,
            IndonesianTimeZone timeZone) {
    }

    /** A registration as the app sees it: status, whether the selfie is gone, the timeline and the office's zone. */
    public record StatusReport(UUID registrationId, String status, Instant submittedAt, boolean selfieErased,
            List<TimelineChange> timeline, IndonesianTimeZone timeZone) {
    }

    private record ValidForm(String nik, String email, String phone, String language, DeviceKey deviceKey,
            SelfieIntake.Upload selfie) {
    }

    private record Prepared(ValidForm form, UUID id, Selfie selfie, byte[] sealedSelfie, String secret,
            byte[] secretHash, CounterCode code) {
    }

    private final RegistrationRepository registrations;
    private final TimelineRepository timeline;
    private final TimelineRecorder recorder;
    private final Outbox outbox;
    private final RegistrationMapper mapper;
    private final NikValidator nikValidator;
    private final ContactValidator contactValidator;
    private final DeviceKeyValidator deviceKeyValidator;
    private final SelfieIntake selfieIntake;
    private final SelfieVault selfieVault;
    private final CounterCodeSigner signer;
    private final RegistrationSecrets secrets;
    private final RateLimiter rateLimiter;
    private final RegistrationConfig config;
    private final IdempotentRequests idempotent;
    private final CounterCodes counterCodes;
    private final Withdrawals withdrawals;
    private final RegistrationExpiry expiry;
    private final TimelineFeed feed;

    public RegistrationService(RegistrationRepository registrations, TimelineRepository timeline,
            TimelineRecorder recorder, Outbox outbox, RegistrationMapper mapper, NikValidator nikValidator,
            ContactValidator contactValidator, DeviceKeyValidator deviceKeyValidator, SelfieIntake selfieIntake,
            SelfieVault selfieVault, CounterCodeSigner signer, RegistrationSecrets secrets, RateLimiter rateLimiter,
            RegistrationConfig config, IdempotentRequests idempotent, CounterCodes counterCodes,
            Withdrawals withdrawals, RegistrationExpiry expiry, TimelineFeed feed) {
        this.registrations = registrations;
        this.timeline = timeline;
        this.recorder = recorder;
        this.outbox = outbox;
        this.mapper = mapper;
        this.nikValidator = nikValidator;
        this.contactValidator = contactValidator;
        this.deviceKeyValidator = deviceKeyValidator;
        this.selfieIntake = selfieIntake;
        this.selfieVault = selfieVault;
        this.signer = signer;
        this.secrets = secrets;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.idempotent = idempotent;
        this.counterCodes = counterCodes;
        this.withdrawals = withdrawals;
        this.expiry = expiry;
        this.feed = feed;
    }

    /**
     * SOP step 2. Cheap checks first; the selfie (a still, or the moving selfie's best frame after its
     * liveness check) is decoded in its bulkhead, then sealed on a worker thread.
     */
    public Uni<Registered> register(Form form, String clientAddress, IdempotencyKey key) {
        // the same registration sent again (a retry after a lost answer) answers what the first did
        return idempotent.replayOr(key, REGISTER, Registered.class, () -> registerNew(form, clientAddress, key));
    }

    private Uni<Registered> registerNew(Form form, String clientAddress, IdempotencyKey key) {
        return rateLimiter.checkAddress(Action.SUBMISSION, clientAddress)
                .map(ignored -> validate(form))
                .call(valid -> rateLimiter.checkDevice(Action.SUBMISSION, valid.deviceKey().thumbprint()))
                .chain(valid -> selfieIntake.selfie(valid.selfie()) // in the image-decode bulkhead
                        .chain(selfie -> VertxContexts.onWorker(() -> prepare(valid, selfie))))
                .chain(prepared -> store(prepared, key));
    }

    private ValidForm validate(Form form) {
        String nik = nikValidator.validate(form.nik());
        String email = contactValidator.email(form.email());
        String phone = contactValidator.phone(form.phone());
        String language = contactValidator.language(form.language());
        DeviceKey deviceKey = deviceKeyValidator.validate(form.deviceKey());
        selfieIntake.precheck(form.selfie());
        return new ValidForm(nik, email, phone, language, deviceKey, form.selfie());
    }

    private Prepared prepare(ValidForm form, Selfie selfie) {
        UUID id = UUID.randomUUID();
        String secret = secrets.newSecret();
        return new Prepared(form, id, selfie, selfieVault.seal(id, selfie.jpeg()), secret, secrets.hash(secret),
                signer.issue(id, 1));
    }

    private Uni<Registered> store(Prepared prepared, IdempotencyKey key) {
        Instant now = Instant.now();
        String nik = prepared.form().nik();
        return Panache.withTransaction(() -> registrations.lockNikAndCountPending(nik)
                .chain(pending -> {
                    if (pending >= config.maxPendingPerNik()) {
                        LOG.infof("registration for NIK %s refused: %d already await verification", Masking.nik(nik),
                                pending);
                        throw new ProblemException(RegistrationProblems.NIK_PENDING_LIMIT,
                                "NIK ini sudah memiliki " + pending + " pendaftaran yang menunggu verifikasi. Datang ke "
                                        + "loket Dukcapil dengan KTP-el, atau tarik pendaftaran lama di aplikasi.",
                                "This NIK already has " + pending + " registrations awaiting verification. Visit a "
                                        + "Dukcapil counter with the KTP-el, or withdraw an older one in the app.");
                    }
                    Registration registration = newRegistration(prepared, now);
                    return registrations.persist(registration)
                            .chain(() -> recorder.record(TimelineEntry.of(registration, TimelineKind.SUBMITTED, now)))
                            .chain(() -> outbox.append(mapper.submitted(registration)))
                            .chain(() -> outbox.append(mapper.counterCodeIssued(registration, prepared.code())))
                            .replaceWith(new Registered(registration.id, prepared.secret(), registration.status.name(),
                                    new IssuedCode(prepared.code(), registration.codeSequence),
                                    IndonesianTimeZone.ofArea(nik)))
                            .call(registered -> idempotent.record(key, REGISTER, registered));
                }))
                .invoke(registered -> LOG.infof("registration %s submitted for NIK %s", registered.registrationId(),
                        Masking.nik(nik)));
    }

    private static Registration newRegistration(Prepared prepared, Instant now) {
        ValidForm form = prepared.form();
        Registration registration = new Registration();
        registration.id = prepared.id();
        registration.nik = form.nik();
        registration.email = form.email();
        registration.phone = form.phone();
        registration.language = form.language();
        registration.deviceKeyJwk = form.deviceKey().jwk();
        registration.deviceKeyThumbprint = form.deviceKey().thumbprint();
        registration.secretHash = prepared.secretHash();
        registration.status = RegistrationStatus.PENDING_VERIFICATION;
        registration.submittedAt = now;
        registration.updatedAt = now;
        registration.selfieSealed = prepared.sealedSelfie();
        registration.selfieContentType = Selfie.CONTENT_TYPE;
        registration.selfieSha256 = prepared.selfie().sha256();
        registration.codeSequence = 1;
        registration.codeId = prepared.code().codeId();
        registration.shortCode = prepared.code().shortCode();
        registration.codeExpiresAt = prepared.code().expiresAt();
        return registration;
    }

    /** SOP step 3: a fresh counter code; the previous one stops working ({@link CounterCodes}). */
    public Uni<IssuedCode> newCounterCode(UUID id, String clientAddress) {
        return counterCodes.issue(id, clientAddress);
    }

    /**
     * For the verifier at the counter: whether {@code codeId} is the registration's current code.
     * The verifier learns of new codes from CounterCodeIssued, which may still be on its way when
     * an old code is scanned; this answer is not.
     */
    public Uni<CounterCodeStatus> counterCodeStatus(UUID id, UUID codeId) {
        return Panache.withSession(() -> registrations.findById(id)).map(registration -> {
            if (registration == null) {
                throw new ProblemException(RegistrationProblems.REGISTRATION_NOT_FOUND);
            }
            boolean current = registration.codeId.equals(codeId);
            return new CounterCodeStatus(id, codeId, current, registration.codeSequence,
                    registration.status == RegistrationStatus.PENDING_VERIFICATION);
        });
    }

    /** {@code currentSequence}: the sequence of the registration's current code. */
    public record CounterCodeStatus(UUID registrationId, UUID codeId, boolean current, int currentSequence,
            boolean pending) {
    }

    public Uni<StatusReport> status(UUID id) {
        return Panache.withSession(() -> registrations.findById(id)
                .chain(registration -> timeline.listFor(id).map(entries -> new StatusReport(registration.id,
                        registration.status.name(), registration.submittedAt, !registration.selfieKept(),
                        entries.stream().map(TimelineChange::of).toList(), IndonesianTimeZone.ofArea(registration.nik)))));
    }

    /** The citizen withdraws (UU PDP): the registration is erased ({@link Withdrawals#withdraw}). */
    public Uni<Void> withdraw(UUID id) {
        return withdrawals.withdraw(id);
    }

    /** One batch of expiry ({@link RegistrationExpiry}). */
    public Uni<Integer> expireOverdue(Instant now) {
        return expiry.expireOverdue(now);
    }

    /** The decrypted selfie for an operator; 404 once erased (or for an unknown id). */
    public Uni<byte[]> selfie(UUID id) {
        return registrations.sealedSelfie(id)
                .chain(sealed -> {
                    if (sealed == null) {
                        return Uni.createFrom().failure(new ProblemException(RegistrationProblems.SELFIE_NOT_AVAILABLE,
                                "Swafoto tidak ada atau sudah dihapus.", "The selfie does not exist or was erased."));
                    }
                    return VertxContexts.onWorker(() -> selfieVault.open(id, sealed));
                });
    }

    /** The timeline after {@code afterId}, then every change live ({@link TimelineFeed}). */
    public Multi<TimelineChange> updates(UUID id, long afterId) {
        return feed.updates(id, afterId);
    }

    /** For the request filter: whether {@code secret} opens registration {@code id} (false for an unknown id). */
    public Uni<Boolean> secretMatches(UUID id, String secret) {
        return registrations.secretHash(id).map(hash -> secrets.matches(secret, hash));
    }
}
