package id.go.dukcapil.ikd.registration.service.liveness;

import java.util.List;

import id.go.dukcapil.ikd.registration.domain.SelfieChallenge;
import io.smallrye.mutiny.Uni;

/**
 * Whether the frames of a moving selfie show one live face that followed the challenge, and which
 * frame is the best selfie. The built-in check ({@link BuiltinLivenessCheck}, OpenCV) is the
 * default; a national biometric service or a vendor SDK replaces it by configuration
 * ({@code ikd.registration.selfie.liveness.provider=remote}, {@link RemoteLivenessCheck}).
 */
public interface LivenessCheck {

    /**
     * The verdict on {@code frames} (JPEG bytes, in the order recorded). What the frames show is a
     * verdict, a refusal included; a check that could not run (out of time, provider down) fails
     * with a 503 problem instead.
     */
    Uni<LivenessVerdict> check(SelfieChallenge challenge, List<byte[]> frames);
}
