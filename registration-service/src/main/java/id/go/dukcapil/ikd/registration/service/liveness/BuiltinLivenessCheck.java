package id.go.dukcapil.ikd.registration.service.liveness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.config.LivenessConfig;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.domain.SelfieChallenge;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.images.DecodedImage;
import id.go.dukcapil.ikd.web.images.ImageDecoding;
import id.go.dukcapil.ikd.web.images.ImageGuard;
import id.go.dukcapil.ikd.web.images.ImagePolicy;
import io.smallrye.mutiny.Uni;

/**
 * The built-in liveness check, with OpenCV: every frame is decoded (header checks first, then with
 * subsampling to the analysis size), must be bright enough and show at most one face, and the face
 * must move as the challenge asked ({@link FaceTrack}). Haar cascades find drawn faces too: a face
 * whose box is mostly flat areas (a cartoon, a drawing) counts as no face ({@link GreyFrame#flatShare}).
 * That is a baseline, not presentation-attack detection: a printed photo or a screen held up and
 * moved passes it; a certified provider ({@link RemoteLivenessCheck}) is the answer to those. One frame is decoded at a time, in one task
 * of the {@code image-decode} bulkhead, within the time budget; a frame too dark or with two faces
 * ends the check at once.
 */
@ApplicationScoped
public class BuiltinLivenessCheck implements LivenessCheck {

    private final ImageDecoding decoding;
    private final FaceDetector detector;
    private final LivenessConfig config;
    private final ImagePolicy policy;
    private final FaceTrack.Thresholds thresholds;

    public BuiltinLivenessCheck(ImageDecoding decoding, FaceDetector detector, RegistrationConfig config) {
        this.decoding = decoding;
        this.detector = detector;
        this.config = config.selfie().liveness();
        this.policy = FramePolicy.of(config);
        this.thresholds = new FaceTrack.Thresholds(this.config.minShift(), this.config.minGrowth(),
                this.config.maxFramesWithoutFace());
    }

    @Override
    public Uni<LivenessVerdict> check(SelfieChallenge challenge, List<byte[]> frames) {
        return decoding.run(() -> analyse(challenge, frames));
    }

    LivenessVerdict analyse(SelfieChallenge challenge, List<byte[]> frames) {
        long deadline = System.nanoTime() + config.timeBudget().toNanos();
        List<FaceTrack.Reading> readings = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            if (System.nanoTime() > deadline) {
                throw timeout(config.timeBudget());
            }
            DecodedImage decoded = ImageGuard.decode(frames.get(i), policy);
            GreyFrame grey = GreyFrame.of(decoded.image());
            if (grey.meanLuminance() < config.minMeanLuminance()) {
                return LivenessVerdict.refused(LivenessRefusal.TOO_DARK);
            }
            List<FaceDetector.Face> faces = detector.faces(grey.pixels(), grey.width(), grey.height(),
                    config.minFaceShare());
            if (faces.size() > 1) {
                return LivenessVerdict.refused(LivenessRefusal.MULTIPLE_FACES);
            }
            FaceDetector.Face face = faces.isEmpty() ? null : faces.get(0);
            if (face != null && grey.flatShare(face.x(), face.y(), face.width(), face.height()) > config.maxFlatFaceShare()) {
                face = null; // drawn, not photographed: no face of a person
            }
            readings.add(new FaceTrack.Reading(i, grey.width(), grey.height(), face));
        }
        if (System.nanoTime() > deadline) {
            throw timeout(config.timeBudget());
        }
        return FaceTrack.judge(challenge.moves(), readings, thresholds);
    }

    static ProblemException timeout(Duration budget) {
        return new ProblemException(RegistrationProblems.SELFIE_CHECK_TIMEOUT,
                "Pemeriksaan swafoto melebihi " + budget.toMillis() + " ms karena layanan sedang sibuk. Silakan coba lagi.",
                "The selfie check took longer than " + budget.toMillis() + " ms because the service is busy. Please try again.")
                .retryAfter(Duration.ofSeconds(2));
    }
}
