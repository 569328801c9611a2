package id.go.dukcapil.ikd.token.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.GroupCommit;
import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.Disclosure;
import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.token.domain.QrToken;
import id.go.dukcapil.ikd.token.repository.SingleUseRepository;
import id.go.dukcapil.ikd.token.repository.SingleUseRepository.PinProofAttempt;
import id.go.dukcapil.ikd.token.repository.SingleUseRepository.PinProofClaim;
import id.go.dukcapil.ikd.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.messaging.IdempotentRequests;

/**
 * SOP step 7: a citizen who just proved the app PIN gets a QR token valid 90 seconds, only for
 * an active identity. The PIN proof is used up only when a token is issued for it: the claim and
 * the identity check are one statement, shared by the mints that arrive together.
 */
@ApplicationScoped
public class QrTokenService {

    private static final Duration ACTIVATION_RETRY_AFTER = Duration.ofSeconds(2);
    /** The operation an Idempotency-Key is bound to (with the citizen's subject). */
    private static final String MINT = "qr.mint:";

    private final PinProofVerifier pinProofs;
    /** Concurrent mints claim their PIN proofs in one statement. */
    private final GroupCommit<PinProofAttempt, Optional<PinProofClaim>> claims;
    private final ProjectionWait projection;
    private final SigningKeyService keys;
    private final QrTokenFactory factory;
    private final Clock clock;
    private final Counter minted;
    private final IdempotentRequests idempotent;

    public QrTokenService(PinProofVerifier pinProofs, SingleUseRepository singleUse, ProjectionWait projection,
            SigningKeyService keys, QrTokenFactory factory, Clock clock, MeterRegistry registry, TokenConfig config,
            IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.minted = Counter.builder("ikd.token.minted").description("QR tokens issued").register(registry);
        this.pinProofs = pinProofs;
        this.claims = new GroupCommit<>("pin-proof-claims", config.groupCommitMaxBatch(), registry, singleUse::claimPinProofs);
        this.projection = projection;
        this.keys = keys;
        this.factory = factory;
        this.clock = clock;
    }

    /**
     * A QR token for a fresh PIN proof. The same request sent again with its Idempotency-Key (its
     * answer was lost) gets the same token, not PIN_PROOF_USED.
     */
    public Uni<QrToken> mint(String citizenSubject, String pinProof, Disclosure disclosure, IdempotencyKey key) {
        String operation = MINT + citizenSubject;
        return idempotent.replayOr(key, operation, QrToken.class, () -> mintNew(citizenSubject, pinProof, disclosure)
                .call(token -> idempotent.recordAfterEffect(key, operation, token)));
    }

    private Uni<QrToken> mintNew(String citizenSubject, String pinProof, Disclosure disclosure) {
        return Uni.createFrom().item(() -> pinProofs.verify(pinProof, citizenSubject))
                .chain(proof -> claim(new PinProofAttempt(citizenSubject, proof.jti(), proof.expiresAt())))
                .map(claim -> identityToMintFor(claim.orElse(null)))
                .chain(identity -> keys.signer().map(key -> factory.mint(identity, key, clock.instant(), disclosure)))
                .invoke(() -> minted.increment());
    }

    /**
     * Claims the proof; when the subject has no active identity yet, waits (bounded) for the
     * projection to learn of it and claims once more. The proof is not used up by a failed claim.
     */
    private Uni<Optional<PinProofClaim>> claim(PinProofAttempt attempt) {
        return claims.submit(attempt).chain(claim -> claim.isPresent() ? Uni.createFrom().item(claim)
                : projection.awaitSubject(attempt.subject()).chain(known -> {
                    if (!known) {
                        throw activationInTransit();
                    }
                    return claims.submit(attempt);
                }));
    }

    /**
     * activation-service proves a PIN only for an active identity, so a subject the projection
     * still does not know after the wait is an activation delayed on its way (a Kafka outage), not
     * a refusal: the app must keep the session and try again, which a 403 would stop.
     */
    private static ProblemException activationInTransit() {
        return new ProblemException(TokenProblems.ACTIVATION_IN_TRANSIT,
                "Aktivasi Anda sudah tercatat tetapi belum sampai ke layanan kode QR; coba lagi dalam beberapa detik.",
                "Your activation is recorded but has not reached the QR service yet; try again in a few seconds.")
                .retryAfter(ACTIVATION_RETRY_AFTER);
    }

    private static Identity identityToMintFor(PinProofClaim claim) {
        if (claim == null) {
            throw new ProblemException(TokenProblems.IDENTITY_NOT_ACTIVE,
                    "Identitas digital sudah dicabut atau diganti; tidak ada kode QR yang diterbitkan.",
                    "The digital identity was revoked or replaced; no QR code is issued.");
        }
        if (!claim.first()) {
            throw new ProblemException(TokenProblems.PIN_PROOF_USED,
                    "Bukti PIN ini sudah dipakai; masukkan PIN aplikasi lagi.",
                    "This PIN proof has already been used; enter the app PIN again.");
        }
        return claim.identity();
    }
}
