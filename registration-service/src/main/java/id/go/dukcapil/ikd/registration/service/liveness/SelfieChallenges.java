package id.go.dukcapil.ikd.registration.service.liveness;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.config.LivenessConfig;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.domain.ChallengeMove;
import id.go.dukcapil.ikd.registration.domain.SelfieChallenge;
import id.go.dukcapil.ikd.registration.repository.SelfieChallengeRepository;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.registration.service.ratelimit.RateLimiter;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The moving selfie's active challenges: the server picks {@value #MOVES} different moves at random
 * (so a recording made for another challenge does not pass), stores them, and a registration uses
 * the challenge once, before it expires: it must be usable when the frames arrive and is spent when
 * they have been judged.
 */
@ApplicationScoped
public class SelfieChallenges {

    static final int MOVES = 2;

    private final SelfieChallengeRepository repository;
    private final RateLimiter rateLimiter;
    private final LivenessConfig config;
    private final SecureRandom random = new SecureRandom();

    public SelfieChallenges(SelfieChallengeRepository repository, RateLimiter rateLimiter, RegistrationConfig config) {
        this.repository = repository;
        this.rateLimiter = rateLimiter;
        this.config = config.selfie().liveness();
    }

    /** A new challenge for a client, within the client address's rate limit. */
    public Uni<SelfieChallenge> issue(String clientAddress) {
        return rateLimiter.checkAddress(RateLimiter.Action.SELFIE_CHALLENGE, clientAddress).chain(() -> {
            Instant now = Instant.now();
            SelfieChallenge challenge = new SelfieChallenge(UUID.randomUUID(), pick(), now,
                    now.plus(config.challengeValidity()));
            return repository.insert(challenge).replaceWith(challenge);
        });
    }

    private List<ChallengeMove> pick() {
        List<ChallengeMove> left = new ArrayList<>(Arrays.asList(ChallengeMove.values()));
        List<ChallengeMove> moves = new ArrayList<>();
        for (int i = 0; i < MOVES; i++) {
            moves.add(left.remove(random.nextInt(left.size())));
        }
        return moves;
    }

    /**
     * The challenge of one submission, before its frames are checked: refused when unknown (or
     * malformed), already used, or expired. Nothing changes yet.
     */
    public Uni<SelfieChallenge> usable(String challengeId) {
        UUID id;
        try {
            id = UUID.fromString(challengeId == null ? "" : challengeId.strip());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(unknown());
        }
        return repository.find(id).map(found -> usable(found, Instant.now()));
    }

    /**
     * Spends the challenge once its frames were judged, live or refused, so that every attempt needs
     * a new one; a check that could not run (503) spends nothing, and the app's retry with the same
     * Idempotency-Key can still use it. Of two submissions at once, the second is refused here.
     */
    public Uni<Void> spend(SelfieChallenge challenge) {
        return repository.take(challenge.id(), Instant.now()).invoke(taken -> {
            if (taken.isEmpty() || taken.get().usedBefore().isPresent()) {
                throw used();
            }
        }).replaceWithVoid();
    }

    private static SelfieChallenge usable(Optional<SelfieChallengeRepository.Taken> taken, Instant now) {
        SelfieChallengeRepository.Taken found = taken.orElseThrow(SelfieChallenges::unknown);
        if (found.usedBefore().isPresent()) {
            throw used();
        }
        if (!found.challenge().expiresAt().isAfter(now)) {
            throw new ProblemException(RegistrationProblems.SELFIE_CHALLENGE_EXPIRED,
                    "Waktu tantangan swafoto sudah habis. Mulai lagi dengan tantangan baru.",
                    "The selfie challenge's time is up. Start again with a new challenge.")
                    .with("field", "challengeId");
        }
        return found.challenge();
    }

    private static ProblemException used() {
        return new ProblemException(RegistrationProblems.SELFIE_CHALLENGE_USED,
                "Tantangan swafoto ini sudah dipakai. Mulai lagi dengan tantangan baru.",
                "This selfie challenge was already used. Start again with a new challenge.")
                .with("field", "challengeId");
    }

    private static ProblemException unknown() {
        return new ProblemException(RegistrationProblems.SELFIE_CHALLENGE_UNKNOWN,
                "Tantangan swafoto tidak dikenal. Minta tantangan baru.",
                "The selfie challenge is unknown. Ask for a new challenge.").with("field", "challengeId");
    }
}
