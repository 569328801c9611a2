package id.go.dukcapil.ikd.token.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.crypto.AesGcmSealer;
import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.KeyRing;
import id.go.dukcapil.ikd.token.domain.SigningKey;
import id.go.dukcapil.ikd.token.repository.SigningKeyRepository;
import id.go.dukcapil.ikd.token.repository.SigningKeyRepository.StoredKey;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The QR signing keys: generated here, stored sealed in the database (the source of truth for
 * every replica), held decrypted in an in-memory {@link KeyRing} that each replica refreshes.
 *
 * <p>Life of a key: it is published in the JWKS as soon as it exists, signs from
 * {@code activeFrom} (a scheduled successor starts {@code publish-ahead} later, so offline
 * readers have it before they meet it), is retired when its successor starts, and stays
 * published until every token it signed has expired: lifetime + leeway + one refresh interval
 * (another replica may sign with it until it notices the rotation). Then it is deleted, and its
 * tokens are UNKNOWN_KEY.
 */
@ApplicationScoped
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** An unknown kid triggers at most one reload per this interval (stops kid-guessing floods). */
    private static final Duration RELOAD_ON_MISS_INTERVAL = Duration.ofSeconds(1);

    private final SigningKeyRepository repository;
    private final TokenConfig config;
    private final Clock clock;
    /** Private keys at rest: AES-GCM under the key-encryption key, the kid as associated data (a sealed key cannot move to another row). */
    private final AesGcmSealer sealer;
    private final AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.empty());

    public SigningKeyService(SigningKeyRepository repository, TokenConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
        this.sealer = AesGcmSealer.fromBase64(config.keyEncryptionKey(), "ikd.token.key-encryption-key", 16, 24, 32);
    }

    /** The key to sign with now; creates the first key when there is none. */
    public Uni<SigningKey> signer() {
        Instant now = clock.instant();
        Optional<SigningKey> current = ring.get().signer(now);
        if (current.isPresent()) {
            return Uni.createFrom().item(current.get());
        }
        return reload().chain(loaded -> loaded.signer(now).map(key -> Uni.createFrom().item(key))
                .orElseGet(() -> createSignerIfNone().chain(() -> reload())
                        .map(after -> after.signer(clock.instant()).orElseThrow(
                                () -> new IllegalStateException("no signing key after creating one")))));
    }

    /**
     * Creates a key that signs now unless, under the lock, one already does: two callers that both
     * found none (start-up and a first mint, or two replicas starting together) create one key, not
     * two whose loser would linger in the JWKS as a retired key.
     */
    private Uni<Void> createSignerIfNone() {
        return repository.underLock(connection -> repository.newest(connection).chain(newest -> {
            Instant now = clock.instant();
            boolean signsNow = newest != null && !newest.activeFrom().isAfter(now)
                    && (newest.retiredAt() == null || newest.retiredAt().isAfter(now));
            return signsNow ? Uni.createFrom().voidItem() : createSuccessor(connection, true).replaceWithVoid();
        }));
    }

    /** Whether this replica holds a key that signs now (readiness). */
    public boolean canSign() {
        return ring.get().signer(clock.instant()).isPresent();
    }

    /** A published key by kid; an unknown kid may be one another replica just created. */
    public Uni<Optional<SigningKey>> publishedKey(String kid) {
        KeyRing current = ring.get();
        Optional<SigningKey> key = current.find(kid);
        if (key.isPresent() || current.loadedAt().plus(RELOAD_ON_MISS_INTERVAL).isAfter(Instant.now())) {
            return Uni.createFrom().item(key);
        }
        return reload().map(loaded -> loaded.find(kid));
    }

    /** Every published key (for the JWKS), newest first. */
    public Uni<List<SigningKey>> published() {
        KeyRing current = ring.get();
        if (current.loadedAt().equals(Instant.EPOCH)) {
            return reload().map(KeyRing::keys);
        }
        return Uni.createFrom().item(current.keys());
    }

    /**
     * Creates a successor key. Immediate (admin, e.g. a suspected leak): it signs from now and
     * the others retire now. Otherwise it is published first and signs after publish-ahead.
     */
    public Uni<SigningKey> rotate(boolean immediate) {
        return repository.underLock(connection -> createSuccessor(connection, immediate))
                // found in this reload's own view, which was read after the insert committed
                .chain(stored -> reload().map(loaded -> loaded.find(stored.kid()).orElseThrow(
                        () -> new IllegalStateException("signing key " + stored.kid() + " not readable after creating it"))));
    }

    /** Deletes a key at once (compromise): its tokens become UNKNOWN_KEY; a new key signs. */
    public Uni<Boolean> remove(String kid) {
        return repository.underLock(connection -> repository.delete(connection, kid))
                .call(() -> reload())
                .call(removed -> removed && ring.get().signer(clock.instant()).isEmpty()
                        ? rotate(true)
                        : Uni.createFrom().voidItem());
    }

    /** Re-reads the keys from the database (the source of truth) into this replica's ring. */
    public Uni<KeyRing> reload() {
        Instant publishedSince = clock.instant().minus(retention());
        Instant readFrom = Instant.now();
        return repository.published(publishedSince)
                .map(rows -> rows.stream().map(this::open).flatMap(Optional::stream).toList())
                .map(keys -> KeyRing.of(keys, readFrom))
                .invoke(fresh -> ring.accumulateAndGet(fresh, KeyRing::newerOf));
    }

    /** How long a retired key stays published: until every token it may have signed expired. */
    public Duration retention() {
        return config.qr().lifetime().plus(config.qr().leeway()).plus(config.keys().refreshInterval());
    }

    @Scheduled(every = "${ikd.token.keys.refresh-interval:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("refreshing the signing keys failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Starts a successor when the newest key is due, and deletes keys whose tokens all expired. */
    @Scheduled(every = "${ikd.token.keys.rotation-check:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRotation() {
        Instant now = clock.instant();
        return repository.underLock(connection -> repository.newest(connection).chain(newest -> {
            boolean due = newest == null || !newest.activeFrom()
                    .plus(config.keys().rotationInterval()).isAfter(now.plus(config.keys().publishAhead()));
            return due ? createSuccessor(connection, newest == null).replaceWith(true) : Uni.createFrom().item(false);
        }))
                .call(rotated -> rotated ? reload() : Uni.createFrom().voidItem())
                .chain(() -> repository.deleteRetiredBefore(now.minus(retention())))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d signing keys whose tokens have all expired", deleted);
                    }
                })
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("signing key rotation failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<StoredKey> createSuccessor(SqlConnection connection, boolean immediate) {
        Instant now = clock.instant();
        Instant activeFrom = immediate ? now : now.plus(config.keys().publishAhead());
        KeyPair pair = newP256KeyPair();
        String kid = newKid();
        StoredKey key = new StoredKey(kid, pair.getPublic().getEncoded(),
                sealer.seal(kid, pair.getPrivate().getEncoded()), now, activeFrom, null);
        LOG.infof("new QR signing key %s signs from %s", kid, activeFrom);
        return repository.insert(connection, key)
                .chain(() -> repository.retireAllBut(connection, kid, activeFrom))
                .replaceWith(key);
    }

    /** Empty for a row this replica cannot open (e.g. sealed under a previous KEK): it is left out. */
    private Optional<SigningKey> open(StoredKey stored) {
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            return Optional.of(new SigningKey(stored.kid(), ec.generatePublic(new X509EncodedKeySpec(stored.publicKey())),
                    ec.generatePrivate(new PKCS8EncodedKeySpec(sealer.open(stored.kid(), stored.privateKeySealed()))),
                    stored.createdAt(), stored.activeFrom(), stored.retiredAt()));
        } catch (IllegalStateException | GeneralSecurityException e) {
            LOG.errorf("signing key %s is left out: %s", stored.kid(), e.getMessage());
            return Optional.empty();
        }
    }

    /** 48 random bits: short (the kid is in every QR) and unique among the few live keys. */
    private static String newKid() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }
}
