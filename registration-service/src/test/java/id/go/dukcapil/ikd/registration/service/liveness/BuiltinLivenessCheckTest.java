package id.go.dukcapil.ikd.registration.service.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.registration.LivenessFrames;
import id.go.dukcapil.ikd.registration.config.LivenessConfig;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.domain.ChallengeMove;
import id.go.dukcapil.ikd.registration.domain.SelfieChallenge;
import id.go.dukcapil.ikd.web.ProblemException;

/** The built-in check's budgets, on the calling thread (the bulkhead is the caller's): time, and a frame too dark. */
class BuiltinLivenessCheckTest {

    private static final SelfieChallenge LEFT_CLOSER = new SelfieChallenge(UUID.randomUUID(),
            List.of(ChallengeMove.LEFT, ChallengeMove.CLOSER), Instant.now(), Instant.now().plusSeconds(120));
    private static final FaceDetector DETECTOR = new FaceDetector(Optional.empty());

    @Test
    void framesFollowingTheChallengeAreLiveWithinTheBudget() {
        LivenessVerdict verdict = check(Duration.ofSeconds(4)).analyse(LEFT_CLOSER,
                LivenessFrames.following(List.of("LEFT", "CLOSER")));
        assertThat(verdict.live()).isTrue();
        assertThat(verdict.bestFrame()).isBetween(3, 4);
    }

    @Test
    void aCheckPastItsTimeBudgetIsA503AndDecodesNoMoreFrames() {
        assertThatThrownBy(() -> check(Duration.ofNanos(1)).analyse(LEFT_CLOSER,
                LivenessFrames.following(List.of("LEFT", "CLOSER"))))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type().code()).isEqualTo("SELFIE_CHECK_TIMEOUT");
                    assertThat(problem.type().status()).isEqualTo(503);
                    assertThat(problem.retryAfter()).isPresent();
                });
    }

    /** The fixtures' face is a third of the frame's side: looked for from half the side, it is not found. */
    @Test
    void aFaceSmallerThanTheSmallestLookedForIsNoFace() {
        BuiltinLivenessCheck halfTheSide = new BuiltinLivenessCheck(null, DETECTOR, config(Duration.ofSeconds(4), 0.5));

        assertThat(halfTheSide.analyse(LEFT_CLOSER, LivenessFrames.following(List.of("LEFT", "CLOSER"))).refusal())
                .contains(LivenessRefusal.NO_FACE);
    }

    @Test
    void aDarkFrameEndsTheCheck() {
        assertThat(check(Duration.ofSeconds(4)).analyse(LEFT_CLOSER, LivenessFrames.dark(List.of("LEFT", "CLOSER")))
                .refusal()).contains(LivenessRefusal.TOO_DARK);
    }

    private static BuiltinLivenessCheck check(Duration budget) {
        return check(DETECTOR, budget);
    }

    /** The check with the liveness settings at their defaults (application.properties) but the time budget. */
    static BuiltinLivenessCheck check(FaceDetector detector, Duration budget) {
        return new BuiltinLivenessCheck(null, detector, config(budget));
    }

    /** As application.properties (LivenessConfig) has it. */
    static final double MIN_FACE_SHARE = 0.20;

    static RegistrationConfig config(Duration budget) {
        return config(budget, MIN_FACE_SHARE);
    }

    static RegistrationConfig config(Duration budget, double minFaceShare) {
        Map<String, Object> liveness = new HashMap<>(Map.of("timeBudget", budget, "minMeanLuminance", 50,
                "minShift", 0.08, "minGrowth", 1.15, "maxFramesWithoutFace", 1, "maxFlatFaceShare", 0.35,
                "minFaceShare", minFaceShare,
                "frameMaxSide", 1280, "frameMaxPixels", 1048576L, "analysisLongSide", 640));
        Map<String, Object> selfie = Map.of("minSide", 240, "maxBitsPerChannel", 8,
                "liveness", proxy(LivenessConfig.class, liveness));
        return proxy(RegistrationConfig.class, Map.of("selfie", proxy(RegistrationConfig.Selfie.class, selfie)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (self, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }
}
