package id.go.dukcapil.ikd.registration.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.crypto.AesGcmSealer;
import id.go.dukcapil.ikd.events.WithdrawalReason;
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
import id.go.dukcapil.ikd.registration.repository.RegistrationUpdateHub;
import id.go.dukcapil.ikd.registration.repository.TimelineRepository;
import id.go.dukcapil.ikd.registration.service.credentials.CounterCodeSigner;
import id.go.dukcapil.ikd.registration.service.credentials.RegistrationSecrets;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.registration.service.ratelimit.RateLimiter.Action;
import id.go.dukcapil.ikd.registration.service.ratelimit.RateLimiter;
import id.go.dukcapil.ikd.registration.service.selfie.Selfie;
import id.go.dukcapil.ikd.registration.service.selfie.SelfieInspector;
import id.go.dukcapil.ikd.registration.service.timeline.TimelineRecorder;
import id.go.dukcapil.ikd.registration.service.validation.DeviceKey;
import id.go.dukcapil.ikd.registration.service.validation.DeviceKeyValidator;
import id.go.dukcapil.ikd.registration.service.validation.NikValidator;
import id.go.dukcapil.ikd.web.ContactValidator;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The citizen's side of SOP steps 2 and 3: registering, counter codes, status and withdrawal.
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
    private static final int EXPIRY_BATCH = 100;
    /** The operation an Idempotency-Key is bound to. */
    static final String REGISTER = "registration.register";

    /** A registration as the app sent it; {@code selfie} is the uploaded file, or null. */
    public record Form(String nik, String email, String phone, String language, String deviceKey, Path selfie) {
    }

    /** A registration stored: its id, the secret shown once, its status and its first counter code. */
    public record Registered(UUID registrationId, String secret, String status, IssuedCode counterCode) {
    }

    /** A counter code with the sequence it was signed with (only the highest is accepted). */
    public record IssuedCode(CounterCode code, int sequence) {
    }

    /** A registration as the app sees it: status, whether the selfie is gone, and the timeline. */
    public record StatusReport(UUID registrationId, String status, Instant submittedAt, boolean selfieErased,
            List<TimelineChange> timeline) {
    }

    private record ValidForm(String nik, String email, String phone, String language, DeviceKey deviceKey,
            Path selfie) {
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
    private final SelfieInspector selfieInspector;
    /** Selfies at rest: AES-256-GCM, the registration id as associated data (a sealed selfie copied onto another row does not open). */
    private final AesGcmSealer selfieSealer;
    private final CounterCodeSigner signer;
    private final RegistrationSecrets secrets;
    private final RateLimiter rateLimiter;
    private final RegistrationUpdateHub hub;
    private final RegistrationConfig config;
    private final Withdrawals withdrawals;
    private final IdempotentRequests idempotent;

    public RegistrationService(RegistrationRepository registrations, TimelineRepository timeline,
            TimelineRecorder recorder, Outbox outbox, RegistrationMapper mapper, NikValidator nikValidator,
            ContactValidator contactValidator, DeviceKeyValidator deviceKeyValidator, SelfieInspector selfieInspector,
            CounterCodeSigner signer, RegistrationSecrets secrets, RateLimiter rateLimiter,
            RegistrationUpdateHub hub, RegistrationConfig config, Withdrawals withdrawals, IdempotentRequests idempotent) {
        this.registrations = registrations;
        this.timeline = timeline;
        this.recorder = recorder;
        this.outbox = outbox;
        this.mapper = mapper;
        this.nikValidator = nikValidator;
        this.contactValidator = contactValidator;
        this.deviceKeyValidator = deviceKeyValidator;
        this.selfieInspector = selfieInspector;
        this.selfieSealer = AesGcmSealer.fromBase64(config.selfieKey(), "ikd.registration.selfie-key", 32);
        this.signer = signer;
        this.secrets = secrets;
        this.rateLimiter = rateLimiter;
        this.hub = hub;
        this.config = config;
        this.withdrawals = withdrawals;
        this.idempotent = idempotent;
    }

    /** SOP step 2. Cheap checks first; the selfie is decoded in its bulkhead, then sealed on a worker thread. */
    public Uni<Registered> register(Form form, String clientAddress, IdempotencyKey key) {
        // the same registration sent again (a retry after a lost answer) answers what the first did
        return idempotent.replayOr(key, REGISTER, Registered.class, () -> registerNew(form, clientAddress, key));
    }

    private Uni<Registered> registerNew(Form form, String clientAddress, IdempotencyKey key) {
        return rateLimiter.checkAddress(Action.SUBMISSION, clientAddress)
                .map(ignored -> validate(form))
                .call(valid -> rateLimiter.checkDevice(Action.SUBMISSION, valid.deviceKey().thumbprint()))
                .chain(valid -> selfieInspector.inspect(valid.selfie()) // in the image-decode bulkhead
                        .chain(selfie -> Workers.run(() -> prepare(valid, selfie))))
                .chain(prepared -> store(prepared, key));
    }

    private ValidForm validate(Form form) {
        String nik = nikValidator.validate(form.nik());
        String email = contactValidator.email(form.email());
        String phone = contactValidator.phone(form.phone());
        String language = contactValidator.language(form.language());
        DeviceKey deviceKey = deviceKeyValidator.validate(form.deviceKey());
        if (form.selfie() == null) {
            throw SelfieInspector.missing();
        }
        return new ValidForm(nik, email, phone, language, deviceKey, form.selfie());
    }

    private Prepared prepare(ValidForm form, Selfie selfie) {
        UUID id = UUID.randomUUID();
        String secret = secrets.newSecret();
        return new Prepared(form, id, selfie, selfieSealer.seal(id.toString(), selfie.jpeg()), secret, secrets.hash(secret),
                signer.issue(id, 1));
    }

    private Uni<Registered> store(Prepared prepared, IdempotencyKey key) {
        Instant now = Instant.now();
        String nik = prepared.form().nik();
        return Panache.withTransaction(() -> registrations.lockNik(nik)
                .chain(() -> registrations.countPendingByNik(nik))
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
                                    new IssuedCode(prepared.code(), registration.codeSequence)))
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

    /**
     * SOP step 3: a fresh code for the QR; the previous one stops working (highest sequence wins).
     * The code is signed with its sequence inside the transaction that locks the registration, so
     * two requests at once cannot sign the same sequence.
     */
    public Uni<IssuedCode> newCounterCode(UUID id, String clientAddress) {
        return rateLimiter.checkAddress(Action.COUNTER_CODE, clientAddress)
                .chain(() -> Panache.withSession(() -> registrations.findById(id)))
                .invoke(RegistrationService::requirePending)
                .call(registration -> rateLimiter.checkDevice(Action.COUNTER_CODE, registration.deviceKeyThumbprint))
                .chain(() -> Panache.withTransaction(() -> registrations.findForUpdate(id).chain(registration -> {
                    requirePending(registration);
                    int sequence = registration.codeSequence + 1;
                    return Workers.run(() -> signer.issue(id, sequence)).chain(code -> {
                        registration.codeSequence = sequence;
                        registration.codeId = code.codeId();
                        registration.shortCode = code.shortCode();
                        registration.codeExpiresAt = code.expiresAt();
                        registration.updatedAt = code.issuedAt();
                        return outbox.append(mapper.counterCodeIssued(registration, code))
                                .replaceWith(new IssuedCode(code, registration.codeSequence));
                    });
                })));
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

    private static void requirePending(Registration registration) {
        if (registration.status != RegistrationStatus.PENDING_VERIFICATION) {
            throw new ProblemException(RegistrationProblems.REGISTRATION_NOT_PENDING,
                    "Pendaftaran ini tidak lagi menunggu verifikasi.",
                    "This registration no longer awaits verification.").with("status", registration.status.name());
        }
    }

    public Uni<StatusReport> status(UUID id) {
        return Panache.withSession(() -> registrations.findById(id)
                .chain(registration -> timeline.listFor(id).map(entries -> new StatusReport(registration.id,
                        registration.status.name(), registration.submittedAt, !registration.selfieKept(),
                        entries.stream().map(TimelineChange::of).toList()))));
    }

    /**
     * The citizen withdraws (UU PDP): a pending registration is erased with its selfie and timeline,
     * and the other services are told (RegistrationWithdrawn); one that already ended by withdrawal
     * or expiry is erased too. Once erased, the secret opens nothing (401 like any unknown id).
     */
    public Uni<Void> withdraw(UUID id) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> registrations.findForUpdate(id).chain(registration -> registration == null
                ? Uni.createFrom().voidItem() // erased by a concurrent request
                : switch (registration.status) {
            case PENDING_VERIFICATION, WITHDRAWN, EXPIRED -> withdrawals.erase(registration, now)
                    .invoke(() -> LOG.infof("registration %s withdrawn and erased at the citizen's request", id));
            default -> {
                requirePending(registration);
                yield Uni.createFrom().voidItem();
            }
        }));
    }

    /**
     * Registrations nobody verified within {@code expire-after} expire (selfie erased); selfies of
     * registrations approved that long ago but never activated are erased too. One batch per call.
     */
    public Uni<Integer> expireOverdue(Instant now) {
        Instant cutoff = now.minus(config.expireAfter());
        return Panache.withTransaction(() -> registrations.lockOverduePending(cutoff, EXPIRY_BATCH)
                .chain(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(registration -> withdrawals.close(registration, WithdrawalReason.EXPIRED, now)
                                .replaceWith(registration.id))
                        .collect().asList())
                .chain(expired -> registrations.lockDecidedWithSelfie(cutoff, EXPIRY_BATCH)
                        .invoke(decided -> decided.forEach(registration -> registration.eraseSelfie(now)))
                        .map(decided -> expired.size() + decided.size())))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("expiry: %d registrations expired or their selfies erased", count);
                    }
                });
    }

    /** The decrypted selfie for an operator; 404 once erased (or for an unknown id). */
    public Uni<byte[]> selfie(UUID id) {
        return Panache.withSession(() -> registrations.findById(id))
                .chain(registration -> {
                    if (registration == null || !registration.selfieKept()) {
                        return Uni.createFrom().failure(new ProblemException(RegistrationProblems.SELFIE_NOT_AVAILABLE,
                                "Swafoto tidak ada atau sudah dihapus.", "The selfie does not exist or was erased."));
                    }
                    byte[] sealed = registration.selfieSealed;
                    return Workers.run(() -> selfieSealer.open(id.toString(), sealed));
                });
    }

    /**
     * The timeline after {@code afterId}, then every change live. Listening starts before the
     * database is read, and live changes are held back until the backlog is out, so nothing falls
     * between the two and nothing comes twice.
     */
    public Multi<TimelineChange> updates(UUID id, long afterId) {
        return Multi.createFrom().emitter(emitter -> {
            Object lock = new Object();
            List<TimelineChange> heldBack = new ArrayList<>();
            long[] lastSent = { afterId };
            boolean[] caughtUp = { false };
            Runnable stopListening = hub.listen(id, update -> {
                synchronized (lock) {
                    if (!caughtUp[0]) {
                        heldBack.add(update);
                    } else if (update.id() > lastSent[0]) {
                        lastSent[0] = update.id();
                        emitter.emit(update);
                    }
                }
            });
            emitter.onTermination(stopListening);
            Panache.withSession(() -> timeline.listAfter(id, afterId)).subscribe().with(backlog -> {
                synchronized (lock) {
                    backlog.stream().map(TimelineChange::of).forEach(update -> {
                        lastSent[0] = Math.max(lastSent[0], update.id());
                        emitter.emit(update);
                    });
                    heldBack.stream().filter(update -> update.id() > lastSent[0]).forEach(update -> {
                        lastSent[0] = update.id();
                        emitter.emit(update);
                    });
                    heldBack.clear();
                    caughtUp[0] = true;
                }
            }, emitter::fail);
        });
    }

    /** For the request filter: whether {@code secret} opens registration {@code id} (false for an unknown id). */
    public Uni<Boolean> secretMatches(UUID id, String secret) {
        return registrations.secretHash(id).map(hash -> secrets.matches(secret, hash));
    }
}
