package id.go.dukcapil.ikd.registration.service.liveness;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.registration.client.LivenessProviderClient;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.domain.ChallengeMove;
import id.go.dukcapil.ikd.registration.domain.SelfieChallenge;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.ProviderCall;
import id.go.dukcapil.ikd.web.VertxContexts;
import id.go.dukcapil.ikd.web.images.ImageGuard;
import id.go.dukcapil.ikd.web.images.ImagePolicy;
import io.smallrye.mutiny.Uni;

/**
 * Liveness by a remote provider ({@link LivenessProviderClient}): the frames' headers are checked
 * here first (format and size, no pixels decoded), then sent. The provider's refusal reasons map
 * to the built-in check's codes (an unknown one to SELFIE_NOT_LIVE); a provider that fails, is
 * slow or answers out of contract gives 503 SELFIE_LIVENESS_UNAVAILABLE, never a 500.
 */
@ApplicationScoped
public class RemoteLivenessCheck implements LivenessCheck {

    private static final Logger LOG = Logger.getLogger(RemoteLivenessCheck.class);

    private final LivenessProviderClient client;
    private final ImagePolicy policy;

    public RemoteLivenessCheck(LivenessProviderClient client, RegistrationConfig config) {
        this.client = client;
        this.policy = FramePolicy.of(config);
    }

    @Override
    public Uni<LivenessVerdict> check(SelfieChallenge challenge, List<byte[]> frames) {
        List<String> moves = challenge.moves().stream().map(ChallengeMove::name).toList();
        return VertxContexts.onWorker(() -> {
            frames.forEach(frame -> ImageGuard.inspect(frame, policy));
            return frames;
        }).chain(checked -> client.check(challenge.id(), moves, checked))
                .map(answer -> verdict(answer, frames.size()))
                .onFailure(ProviderCall.Unavailable.class).transform(failure -> {
                    LOG.warnf("liveness provider unavailable: %s", failure.getMessage());
                    return unavailable();
                });
    }

    private static LivenessVerdict verdict(LivenessProviderClient.Answer answer, int frames) {
        if (answer.live()) {
            if (answer.bestFrame() < 0 || answer.bestFrame() >= frames) {
                throw new ProviderCall.Unavailable(ProviderCall.Reason.OUT_OF_CONTRACT, "the provider named frame "
                        + answer.bestFrame() + " of " + frames);
            }
            return LivenessVerdict.live(answer.bestFrame());
        }
        LivenessRefusal refusal;
        try {
            refusal = LivenessRefusal.valueOf(answer.reason());
        } catch (IllegalArgumentException e) {
            refusal = LivenessRefusal.NOT_LIVE;
        }
        return LivenessVerdict.refused(refusal);
    }

    private static ProblemException unavailable() {
        return new ProblemException(RegistrationProblems.SELFIE_LIVENESS_UNAVAILABLE,
                "Layanan pemeriksaan keaktifan wajah sedang tidak tersedia. Silakan coba lagi beberapa saat lagi.",
                "The face liveness check service is unavailable. Please try again in a while.")
                .retryAfter(java.time.Duration.ofSeconds(5));
    }
}
