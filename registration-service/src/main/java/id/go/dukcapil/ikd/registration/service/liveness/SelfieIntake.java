package id.go.dukcapil.ikd.registration.service.liveness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import id.go.dukcapil.ikd.registration.config.LivenessConfig;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.registration.service.selfie.Selfie;
import id.go.dukcapil.ikd.registration.service.selfie.SelfieInspector;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.VertxContexts;
import id.go.dukcapil.ikd.web.images.ImageDecoding;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * The selfie of a registration, from what the app sent: a still photo ({@link SelfieInspector}), or
 * a moving selfie, a challenge and its frames. The moving selfie's challenge must be usable, the
 * frames are checked by the configured {@link LivenessCheck}, the challenge is spent (whatever the
 * verdict; not when the check could not run), and the best frame is stored through
 * {@link SelfieInspector} as a still would be (metadata stripped, sealed). The other frames are
 * never stored nor logged. With {@code liveness-required} a still alone is refused.
 */
@ApplicationScoped
public class SelfieIntake {

    /** The selfie parts of the form: the still's file, the challenge id and the frames' files (each may be absent). */
    public record Upload(Path still, String challengeId, List<Path> frames) {

        public Upload {
            frames = frames == null ? List.of() : List.copyOf(frames);
        }

        boolean moving() {
            return !frames.isEmpty() || (challengeId != null && !challengeId.isBlank());
        }
    }

    private final SelfieInspector inspector;
    private final SelfieChallenges challenges;
    private final BuiltinLivenessCheck builtin;
    private final RemoteLivenessCheck remote;
    private final FaceDetector detector;
    private final ImageDecoding decoding;
    private final RegistrationConfig.Selfie config;
    private final LivenessConfig liveness;

    public SelfieIntake(SelfieInspector inspector, SelfieChallenges challenges, BuiltinLivenessCheck builtin,
            RemoteLivenessCheck remote, FaceDetector detector, ImageDecoding decoding, RegistrationConfig config) {
        this.inspector = inspector;
        this.challenges = challenges;
        this.builtin = builtin;
        this.remote = remote;
        this.detector = detector;
        this.decoding = decoding;
        this.config = config.selfie();
        this.liveness = config.selfie().liveness();
    }

    /** The built-in check's native library and model load at start: a broken build fails there, not on a citizen. */
    void loadTheFaceDetector(@Observes StartupEvent start) {
        if (liveness.provider() == LivenessConfig.Provider.BUILTIN) {
            detector.load();
        }
    }

    /** The checks that need no I/O, made with the form's others: something to look at, and the frame count. */
    public void precheck(Upload upload) {
        if (!upload.moving()) {
            if (config.livenessRequired()) {
                throw new ProblemException(RegistrationProblems.SELFIE_LIVENESS_REQUIRED,
                        "Rekam swafoto bergerak: minta tantangan, ikuti gerakannya, lalu kirim bingkainya.",
                        "Record a moving selfie: ask for a challenge, follow its moves, then send the frames.")
                        .with("field", "frame");
            }
            if (upload.still() == null) {
                throw SelfieInspector.missing();
            }
            return;
        }
        int count = upload.frames().size();
        if (count < liveness.minFrames() || count > liveness.maxFrames()) {
            throw new ProblemException(RegistrationProblems.SELFIE_FRAME_COUNT,
                    "Kirim " + liveness.minFrames() + " sampai " + liveness.maxFrames() + " bingkai swafoto bergerak.",
                    "Send " + liveness.minFrames() + " to " + liveness.maxFrames() + " moving selfie frames.")
                    .with("field", "frame").with("minFrames", liveness.minFrames())
                    .with("maxFrames", liveness.maxFrames());
        }
    }

    /** The selfie to store; fails with the problem of the first check it does not pass. */
    public Uni<Selfie> selfie(Upload upload) {
        precheck(upload);
        if (!upload.moving()) {
            return inspector.inspect(upload.still()); // in the image-decode bulkhead
        }
        LivenessCheck check = liveness.provider() == LivenessConfig.Provider.REMOTE ? remote : builtin;
        return VertxContexts.onWorker(() -> read(upload.frames()))
                .chain(frames -> challenges.usable(upload.challengeId())
                        .chain(challenge -> check.check(challenge, frames)
                                .call(verdict -> challenges.spend(challenge)))
                        .chain(verdict -> {
                            if (!verdict.live()) {
                                return Uni.createFrom().failure(verdict.refusal().orElseThrow().problem());
                            }
                            byte[] best = frames.get(verdict.bestFrame());
                            return decoding.run(() -> inspector.inspect(best));
                        }));
    }

    private List<byte[]> read(List<Path> files) {
        List<byte[]> frames = new ArrayList<>(files.size());
        try {
            for (Path file : files) {
                if (Files.size(file) > liveness.frameMaxBytes()) {
                    throw new ProblemException(RegistrationProblems.SELFIE_FRAME_TOO_LARGE,
                            "Setiap bingkai swafoto paling besar " + liveness.frameMaxBytes() / 1024 + " KB.",
                            "Each selfie frame may be at most " + liveness.frameMaxBytes() / 1024 + " KB.")
                            .with("field", "frame").with("maxBytes", liveness.frameMaxBytes());
                }
                frames.add(Files.readAllBytes(file)); // at most frame-max-bytes, checked above
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded selfie frame failed", e);
        }
        return frames;
    }
}
