package id.go.dukcapil.ikd.registration.service.liveness;

import java.util.Optional;

/** What a liveness check found: live with the index of the best frame, or refused and why. */
public record LivenessVerdict(Optional<LivenessRefusal> refusal, int bestFrame) {

    public static LivenessVerdict live(int bestFrame) {
        return new LivenessVerdict(Optional.empty(), bestFrame);
    }

    public static LivenessVerdict refused(LivenessRefusal refusal) {
        return new LivenessVerdict(Optional.of(refusal), -1);
    }

    public boolean live() {
        return refusal.isEmpty();
    }
}
