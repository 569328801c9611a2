package id.go.dukcapil.ikd.token.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.messaging.GroupCommit;
import id.go.dukcapil.ikd.messaging.IdempotentRequests;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.messaging.Outbox.TracedEvent;
import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.crypto.MalformedTokenException;
import id.go.dukcapil.ikd.token.domain.Scopes;
import id.go.dukcapil.ikd.token.domain.VerificationReason;
import id.go.dukcapil.ikd.token.domain.VerificationReferences;
import id.go.dukcapil.ikd.token.domain.VerificationResult;
import id.go.dukcapil.ikd.token.mapping.TokenVerifiedMapper;
import id.go.dukcapil.ikd.token.repository.SingleUseRepository;
import id.go.dukcapil.ikd.token.repository.SingleUseRepository.QrTokenAttempt;
import id.go.dukcapil.ikd.token.repository.SingleUseRepository.QrTokenClaim;
import id.go.dukcapil.ikd.token.repository.VerificationRecordRepository;
import id.go.dukcapil.ikd.token.repository.VerificationRecordRepository.VerificationRecord;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Online verification of a QR token for a relying party, in either format ({@link QrTokenReader}:
 * the CWT of the QR credential, and the legacy JWS until the last one expired). The token's header
 * is never trusted to choose anything: the algorithm is ES256 or nothing, the key comes from our
 * own published keys by the kid of the protected header, and key-carrying JWS headers
 * ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) or {@code crit} make the token fail. The
 * answer holds what the relying party's scope allows, never more than the token shows. Then time (with a small leeway), revocation, and single use
 * (a primary-key insert, so of concurrent presentations exactly one wins). Every answer, valid or
 * not, is audited as TokenVerified and recorded (reference, relying party, attributes disclosed,
 * verdict: {@code verification_record}) in the same transaction. Presentations that arrive together
 * share that transaction and its statements (group commit).
 */
@ApplicationScoped
public class TokenVerificationService {

    private static final Logger LOG = Logger.getLogger(TokenVerificationService.class);
    /** The operation an Idempotency-Key is bound to (with the relying party). */
    private static final String VERIFY = "qr.verify:";

    private final SigningKeyService keys;
    private final Pool pool;
    private final SingleUseRepository singleUse;
    private final VerificationRecordRepository records;
    private final Outbox outbox;
    private final TokenConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    /** Concurrent verifications claim their jtis and write their audit events in one transaction. */
    private final GroupCommit<Presentation, VerificationResult> decisions;
    private final IdempotentRequests idempotent;

    public TokenVerificationService(SigningKeyService keys, Pool pool, SingleUseRepository singleUse,
            VerificationRecordRepository records, Outbox outbox, TokenConfig config, Clock clock,
            MeterRegistry registry, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.records = records;
        this.registry = registry;
        this.decisions = new GroupCommit<>("qr-token-claims", config.groupCommitMaxBatch(), registry, this::decide);
        this.keys = keys;
        this.pool = pool;
        this.singleUse = singleUse;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** A token whose signature and times are right; revocation and single use are still to check. */
    record Checked(String jti, String subject, Instant issuedAt, Instant expiresAt, Map<String, String> disclosed) {
    }

    /** One presentation waiting for the database: its inspection, who presented it, when, in which trace. */
    private record Presentation(Inspection inspection, String relyingParty, Collection<String> scopes, Instant at,
            String traceparent, IdempotencyKey key) {
    }

    /** Either a refusal already, or a token to check against the database. */
    private record Inspection(VerificationResult refusal, Checked checked) {

        static Inspection refused(VerificationReason reason, String jti, String subject) {
            return new Inspection(VerificationResult.invalid(reason, jti, subject), null);
        }
    }

    /**
     * The verdict on one presentation. The same request sent again with its Idempotency-Key (a
     * retry after a lost answer) gets the first verdict, not REPLAYED.
     */
    public Uni<VerificationResult> verify(String token, String relyingParty, Collection<String> scopes,
            IdempotencyKey key) {
        return idempotent.replayOr(key, VERIFY + relyingParty, VerificationResult.class,
                () -> verifyNew(token, relyingParty, scopes, key));
    }

    private Uni<VerificationResult> verifyNew(String token, String relyingParty, Collection<String> scopes,
            IdempotencyKey key) {
        Instant now = clock.instant();
        String traceparent = Outbox.currentTraceparent();
        return inspect(token, now)
                .chain(inspection -> decisions.submit(new Presentation(inspection, relyingParty, scopes, now, traceparent, key)))
                .invoke(result -> registry.counter("ikd.token.verifications", "outcome",
                        result.valid() ? "VALID" : result.reason().name()).increment());
    }

    /**
     * One round of the group commit: the presentations that passed the signature and time checks
     * claim their jtis in one statement, and every presentation, refused or not, is audited in the
     * same transaction.
     */
    private Uni<List<VerificationResult>> decide(List<Presentation> presentations) {
        List<QrTokenAttempt> attempts = new ArrayList<>();
        for (Presentation presentation : presentations) {
            Checked token = presentation.inspection().checked();
            if (token != null) {
                attempts.add(new QrTokenAttempt(token.subject(), token.jti(), presentation.relyingParty(),
                        presentation.at(), token.expiresAt().plus(config.qr().leeway()), latestActivationFor(token),
                        String.join(" ", released(token, presentation.scopes()))));
            }
        }
        return pool.withTransaction(connection -> (attempts.isEmpty()
                ? Uni.createFrom().item(List.<QrTokenClaim>of())
                : singleUse.claimQrTokens(connection, attempts))
                .map(claims -> results(presentations, claims))
                .call(results -> records.recordAll(connection, records(presentations, results)))
                .call(results -> outbox.appendAll(connection, audit(presentations, results)))
                .call(results -> recordAnswers(connection, presentations, results)));
    }

    private Uni<Void> recordAnswers(SqlConnection connection, List<Presentation> presentations,
            List<VerificationResult> results) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < results.size(); i++) {
            Presentation presentation = presentations.get(i);
            VerificationResult result = results.get(i);
            chain = chain.call(() -> idempotent.recordIfAbsent(connection, presentation.key(),
                    VERIFY + presentation.relyingParty(), result));
        }
        return chain;
    }

    private static List<VerificationResult> results(List<Presentation> presentations, List<QrTokenClaim> claims) {
        List<VerificationResult> results = new ArrayList<>(presentations.size());
        int claimed = 0;
        for (Presentation presentation : presentations) {
            Inspection inspection = presentation.inspection();
            VerificationResult result = inspection.refusal() != null ? inspection.refusal()
                    : result(inspection.checked(), claims.get(claimed++), presentation.scopes());
            results.add(result.withReference(VerificationReferences.next()));
        }
        return results;
    }

    /** One record per answer: what a valid one disclosed (by scope), and the verdict. */
    private static List<VerificationRecord> records(List<Presentation> presentations, List<VerificationResult> results) {
        List<VerificationRecord> rows = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            VerificationResult result = results.get(i);
            Presentation presentation = presentations.get(i);
            String disclosed = result.valid()
                    ? String.join(" ", released(presentation.inspection().checked(), presentation.scopes()))
                    : "";
            rows.add(new VerificationRecord(result.reference(), presentation.at(), presentation.relyingParty(),
                    result.subject(), result.jti(), disclosed,
                    result.valid() ? "VALID" : result.reason().name()));
        }
        return rows;
    }

    private static VerificationResult result(Checked token, QrTokenClaim claim, Collection<String> scopes) {
        if (!claim.forCurrentIdentity()) {
            return VerificationResult.invalid(VerificationReason.REVOKED, token.jti(), token.subject());
        }
        return claim.first()
                ? new VerificationResult(true, null, token.jti(), token.subject(), token.issuedAt(),
                        token.expiresAt(), attributes(token, claim, scopes), claim.holder(), null)
                : VerificationResult.invalid(VerificationReason.REPLAYED, token.jti(), token.subject());
    }

    private static List<TracedEvent> audit(List<Presentation> presentations, List<VerificationResult> results) {
        List<TracedEvent> events = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            Presentation presentation = presentations.get(i);
            events.add(new TracedEvent(TokenVerifiedMapper.toEvent(results.get(i), presentation.relyingParty(),
                    presentation.at()), presentation.traceparent()));
        }
        return events;
    }

    /** Forgets used jtis once the expiry check alone refuses their tokens (rows carry exp + leeway). */
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetExpiredUses() {
        return singleUse.purgeExpiredBefore(clock.instant())
                .onFailure().invoke(e -> LOG.warnf("purging used token ids failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Inspection> inspect(String token, Instant now) {
        QrTokenReader.Presented presented;
        try {
            presented = QrTokenReader.read(token);
        } catch (MalformedTokenException e) {
            return Uni.createFrom().item(Inspection.refused(VerificationReason.MALFORMED, null, null));
        }
        String jti = presented.jti();
        String subject = presented.subject();
        if (presented.algRefused()) {
            return Uni.createFrom().item(Inspection.refused(VerificationReason.BAD_SIGNATURE, jti, subject));
        }
        if (presented.typeRefused() || presented.kid() == null) {
            return Uni.createFrom().item(Inspection.refused(VerificationReason.MALFORMED, jti, subject));
        }
        return keys.publishedKey(presented.kid()).map(key -> {
            if (key.isEmpty()) {
                return Inspection.refused(VerificationReason.UNKNOWN_KEY, jti, subject);
            }
            if (!presented.signature().test(key.get().publicKey())) {
                return Inspection.refused(VerificationReason.BAD_SIGNATURE, jti, subject);
            }
            return checkClaims(presented, now);
        });
    }

    private Inspection checkClaims(QrTokenReader.Presented token, Instant now) {
        String jti = token.jti();
        String subject = token.subject();
        if (jti == null || subject == null || !config.issuer().equals(token.issuer())
                || !isTime(token.issuedAt()) || !isTime(token.expiresAt())
                || (token.notBefore() != null && !isTime(token.notBefore()))) {
            return Inspection.refused(VerificationReason.MALFORMED, jti, subject);
        }
        Instant issuedAt = Instant.ofEpochSecond(token.issuedAt());
        Instant expiresAt = Instant.ofEpochSecond(token.expiresAt());
        Instant latestStart = now.plus(config.qr().leeway());
        if (now.isAfter(expiresAt.plus(config.qr().leeway()))) {
            return Inspection.refused(VerificationReason.EXPIRED, jti, subject);
        }
        if (issuedAt.isAfter(latestStart)
                || (token.notBefore() != null && Instant.ofEpochSecond(token.notBefore()).isAfter(latestStart))) {
            return Inspection.refused(VerificationReason.NOT_YET_VALID, jti, subject);
        }
        return new Inspection(null, new Checked(jti, subject, issuedAt, expiresAt, token.disclosed()));
    }

    private static boolean isTime(Long seconds) {
        return seconds != null && seconds != Long.MIN_VALUE && Math.abs(seconds) < 100_000_000_000L;
    }

    /**
     * A subject may get a new identity (a new device): tokens minted for the one it replaced were
     * issued before the current identity was activated, and count as revoked. The leeway absorbs
     * clock skew between activation-service and this service.
     */
    private Instant latestActivationFor(Checked token) {
        return token.issuedAt().plusSeconds(1).plus(config.qr().leeway());
    }

    /**
     * The scopes whose attributes the relying party learns: its scope, capped at what the token
     * shows; a token that shows nothing (minimal disclosure) is answered by scope alone.
     */
    static List<String> released(Checked token, Collection<String> scopes) {
        return scopes.stream().filter(Scopes.ATTRIBUTES::containsKey)
                .filter(scope -> token.disclosed() == null || token.disclosed().containsKey(scope)).distinct().toList();
    }

    private static Map<String, String> attributes(Checked token, QrTokenClaim claim, Collection<String> scopes) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String scope : released(token, scopes)) {
            String value = token.disclosed() != null ? token.disclosed().get(scope)
                    : QrTokenFactory.answerText(scope, claim.fullName(), claim.nikMasked(), claim.birthDate(), claim.photoSha256());
            if (value != null) {
                attributes.put(Scopes.ATTRIBUTES.get(scope).name(), value);
            }
        }
        return attributes;
    }
}
