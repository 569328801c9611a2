package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.activation.crypto.AppPinHasher;
import id.go.dukcapil.ikd.activation.crypto.AppPinPolicy;
import id.go.dukcapil.ikd.activation.crypto.CitizenTokens;
import id.go.dukcapil.ikd.activation.crypto.DeviceKeys;
import id.go.dukcapil.ikd.activation.crypto.KeyedHasher;
import id.go.dukcapil.ikd.activation.crypto.SecretGenerator;
import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.domain.RefreshToken;
import id.go.dukcapil.ikd.activation.domain.SessionChallenge;
import id.go.dukcapil.ikd.activation.mapping.EventMapper;
import id.go.dukcapil.ikd.activation.repository.ApprovalRepository;
import id.go.dukcapil.ikd.activation.repository.IdentityRepository;
import id.go.dukcapil.ikd.activation.repository.RefreshTokenRepository;
import id.go.dukcapil.ikd.activation.repository.SessionChallengeRepository;
import id.go.dukcapil.ikd.messaging.IdempotentRequests;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * SOP step 6: the app opens "KTP Digital". A session needs both factors: possession of the
 * device key (an ES256 signature over a fresh single-use nonce) and knowledge of the app PIN
 * (set in the first session; a keyed hash, {@link AppPinHasher}; 5 failures lock it). A legacy
 * Argon2id hash is checked in its bulkhead between two short transactions, never inside one, and
 * replaced by the keyed hash; each step commits what it learned (a consumed nonce, a counted
 * failure) before the caller sees a refusal.
 */
@ApplicationScoped
public class CitizenSessionService {

    private static final Logger LOG = Logger.getLogger(CitizenSessionService.class);
    /** The operation an Idempotency-Key is bound to. */
    private static final String OPEN_SESSION = "citizen.session";

    private final IdentityRepository identities;
    private final ApprovalRepository approvals;
    private final SessionChallengeRepository challenges;
    private final RefreshTokenRepository refreshTokens;
    private final DeviceKeys deviceKeys;
    private final AppPinHasher pinHasher;
    private final CitizenTokens tokens;
    private final SecretGenerator secrets;
    private final KeyedHasher hasher;
    private final ActivationConfig config;
    private final Clock clock;
    private final IdempotentRequests idempotent;

    public CitizenSessionService(IdentityRepository identities, ApprovalRepository approvals,
            SessionChallengeRepository challenges,
            RefreshTokenRepository refreshTokens, DeviceKeys deviceKeys, AppPinHasher pinHasher, CitizenTokens tokens,
            SecretGenerator secrets, KeyedHasher hasher, ActivationConfig config, Clock clock,
            IdempotentRequests idempotent) {
        this.identities = identities;
        this.approvals = approvals;
        this.challenges = challenges;
        this.refreshTokens = refreshTokens;
        this.deviceKeys = deviceKeys;
        this.pinHasher = pinHasher;
        this.tokens = tokens;
        this.secrets = secrets;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
        this.idempotent = idempotent;
    }

    public record Challenge(String nonce, long expiresIn) {
    }

    public record SessionTokens(String accessToken, long expiresIn, String refreshToken, String subject) {
    }

    /**
     * A nonce to sign. Unknown or inactive identities get one too (never stored), so the answer
     * does not tell whether an identity exists; the session then fails like a bad signature.
     */
    public Uni<Challenge> challenge(UUID registrationId, String subject) {
        String nonce = secrets.token(32);
        long expiresIn = config.citizen().challengeValidity().toSeconds();
        return Panache.withTransaction(() -> findIdentity(registrationId, subject).chain(identity -> {
            if (identity == null || !identity.active()) {
                return Uni.createFrom().voidItem();
            }
            SessionChallenge challenge = new SessionChallenge();
            challenge.nonce = nonce;
            challenge.identityId = identity.id;
            challenge.expiresAt = clock.instant().plus(config.citizen().challengeValidity());
            return challenges.persist(challenge).replaceWithVoid();
        })).replaceWith(new Challenge(nonce, expiresIn));
    }

    /** The same request sent again with its Idempotency-Key (its answer was lost) gets the same session. */
    public Uni<SessionTokens> openSession(String nonce, String deviceSignature, String appPin, IdempotencyKey key) {
        return idempotent.replayOr(key, OPEN_SESSION, SessionTokens.class, () -> openNewSession(nonce, deviceSignature, appPin)
                .call(tokens -> idempotent.recordAfterEffect(key, OPEN_SESSION, tokens)));
    }

    private Uni<SessionTokens> openNewSession(String nonce, String deviceSignature, String appPin) {
        return Panache.withTransaction(() -> challenges.take(nonce).chain(challenge -> {
            if (challenge == null || !clock.instant().isBefore(challenge.expiresAt)) {
                return Uni.createFrom().<Identity>nullItem();
            }
            return identities.findById(challenge.identityId).map(identity -> identity != null && identity.active()
                    && deviceKeys.signedBy(deviceSignature, nonce, identity.deviceKeyJwk) ? identity : null);
        })).chain(identity -> {
            if (identity == null) {
                throw new ProblemException(ActivationProblems.SESSION_REFUSED,
                        "Tantangan tidak berlaku atau tanda tangan perangkat salah.",
                        "The challenge is not valid or the device signature is wrong.");
            }
            Uni<Void> pinChecked = identity.appPinHash == null
                    ? setFirstAppPin(identity, appPin)
                    : checkAppPin(identity.id, appPin);
            return pinChecked.chain(() -> issueSession(identity));
        });
    }

    /** Refresh: the token once, and only with a signature of the bound device over it; reuse ends them all. */
    public Uni<SessionTokens> refresh(String refreshToken, String deviceSignature) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 128) {
            return Uni.createFrom().failure(refreshRefused());
        }
        Instant now = clock.instant();
        return Panache.withTransaction(() -> refreshTokens.lockByHash(hasher.hash(KeyedHasher.REFRESH_TOKEN, refreshToken))
                .chain(token -> {
                    if (token == null) {
                        return Uni.createFrom().<SessionTokens>nullItem();
                    }
                    if (token.usedAt != null) {
                        LOG.warnf("refresh token of identity %s used twice: all its refresh tokens are revoked",
                                token.identityId);
                        return refreshTokens.deleteForIdentity(token.identityId).replaceWith((SessionTokens) null);
                    }
                    if (!now.isBefore(token.expiresAt)) {
                        return Uni.createFrom().<SessionTokens>nullItem();
                    }
                    return identities.findById(token.identityId).chain(identity -> {
                        if (identity == null || !identity.active()
                                || !identity.deviceKeyThumbprint.equals(token.deviceKeyThumbprint)
                                || !deviceKeys.signedBy(deviceSignature, refreshToken, identity.deviceKeyJwk)) {
                            return Uni.createFrom().<SessionTokens>nullItem();
                        }
                        token.usedAt = now;
                        return newRefreshToken(identity).map(fresh -> sessionTokens(identity, fresh));
                    });
                }))
                .onItem().ifNull().failWith(CitizenSessionService::refreshRefused);
    }

    /** The app PIN of an active identity, for a PIN proof or the citizen's own revocation. */
    public Uni<Identity> requireAppPin(String subject, String appPin) {
        return Panache.withSession(() -> identities.findBySubject(subject)).chain(identity -> {
            if (identity == null || !identity.active()) {
                throw new ProblemException(ActivationProblems.IDENTITY_NOT_ACTIVE);
            }
            if (identity.appPinHash == null) {
                throw new ProblemException(ActivationProblems.APP_PIN_WRONG, "PIN aplikasi belum ditetapkan.",
                        "No app PIN has been set yet.");
            }
            return checkAppPin(identity.id, appPin).replaceWith(identity);
        });
    }

    private Uni<Void> setFirstAppPin(Identity identity, String appPin) {
        return Panache.withSession(() -> approvals.findById(identity.registrationId))
                .map(approval -> EventMapper.attributes(approval).birthDate())
                .chain(birthDate -> storeFirstAppPin(identity, appPin, birthDate));
    }

    private Uni<Void> storeFirstAppPin(Identity identity, String appPin, LocalDate birthDate) {
        if (AppPinPolicy.trivial(appPin, birthDate, identity.nik)) {
            throw new ProblemException(ActivationProblems.APP_PIN_TOO_SIMPLE,
                    "Pilih 6 angka yang tidak berurutan, tidak berulang, dan bukan tanggal lahir Anda.",
                    "Choose 6 digits that are not a sequence, not repeated and not your birth date.");
        }
        String encoded = pinHasher.hash(appPin);
        return Panache.withTransaction(() -> identities.update(
                "appPinHash = ?1 where id = ?2 and appPinHash is null", encoded, identity.id))
                .invoke(updated -> {
                    if (updated == 0) {
                        throw new ProblemException(ActivationProblems.APP_PIN_ALREADY_SET);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Checks the app PIN and records the outcome under the identity's row lock. A PIN that is
     * right but arrives after the lock (e.g. in a parallel burst of guesses) is refused too.
     */
    private Uni<Void> checkAppPin(UUID identityId, String appPin) {
        return Panache.withSession(() -> identities.findById(identityId)).chain(snapshot -> {
            if (snapshot.appPinLocked) {
                throw appPinLocked();
            }
            Uni<AppPinHasher.Check> checked = AppPinPolicy.wellFormed(appPin)
                    ? pinHasher.verify(appPin, snapshot.appPinHash)
                    : Uni.createFrom().item(new AppPinHasher.Check(false, false));
            return checked.chain(check -> Panache.withTransaction(() -> identities.lock(identityId).map(identity -> {
                if (identity.appPinLocked) {
                    return -1;
                }
                if (check.matches()) {
                    identity.appPinFailures = 0;
                    if (check.rehash() && snapshot.appPinHash.equals(identity.appPinHash)) {
                        // an Argon2id hash or one of a previous pepper: replaced now that the PIN is known right
                        identity.appPinHash = pinHasher.hash(appPin);
                    }
                    return Integer.MAX_VALUE;
                }
                identity.appPinFailures++;
                if (identity.appPinFailures >= config.citizen().maxAppPinAttempts()) {
                    identity.appPinLocked = true;
                    LOG.infof("app PIN of identity %s locked after %d failures", identity.id, identity.appPinFailures);
                    return -1;
                }
                return config.citizen().maxAppPinAttempts() - identity.appPinFailures;
            })));
        }).invoke(attemptsLeft -> {
            if (attemptsLeft == -1) {
                throw appPinLocked();
            }
            if (attemptsLeft != Integer.MAX_VALUE) {
                throw new ProblemException(ActivationProblems.APP_PIN_WRONG, "PIN aplikasi salah.", "The app PIN is wrong.")
                        .with("attemptsLeft", attemptsLeft);
            }
        }).replaceWithVoid();
    }

    private Uni<SessionTokens> issueSession(Identity identity) {
        return Panache.withTransaction(() -> newRefreshToken(identity))
                .map(refreshToken -> sessionTokens(identity, refreshToken));
    }

    private Uni<String> newRefreshToken(Identity identity) {
        String value = secrets.token(32);
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.identityId = identity.id;
        token.tokenHash = hasher.hash(KeyedHasher.REFRESH_TOKEN, value);
        token.deviceKeyThumbprint = identity.deviceKeyThumbprint;
        token.issuedAt = clock.instant();
        token.expiresAt = token.issuedAt.plus(config.citizen().refreshTokenLifetime());
        return refreshTokens.persist(token).replaceWith(value);
    }

    private SessionTokens sessionTokens(Identity identity, String refreshToken) {
        CitizenTokens.Issued access = tokens.citizenToken(identity.subject);
        return new SessionTokens(access.token(), access.expiresIn(), refreshToken, identity.subject);
    }

    private Uni<Identity> findIdentity(UUID registrationId, String subject) {
        if (subject != null) {
            return identities.findBySubject(subject);
        }
        return registrationId == null ? Uni.createFrom().nullItem() : identities.findByRegistration(registrationId);
    }

    private static ProblemException appPinLocked() {
        return new ProblemException(ActivationProblems.APP_PIN_LOCKED,
                "Datang ke kantor Dukcapil dengan KTP-el untuk verifikasi ulang.",
                "Visit a Dukcapil office with your KTP-el to be verified again.");
    }

    private static ProblemException refreshRefused() {
        return new ProblemException(ActivationProblems.REFRESH_REFUSED,
                "Buka sesi baru dengan PIN aplikasi.", "Open a new session with the app PIN.");
    }
}
