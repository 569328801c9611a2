package id.go.dukcapil.ikd.registration.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * The moving selfie ({@code ikd.registration.selfie.liveness.*}): how long a challenge lives, what
 * frames may be sent, the thresholds of the built-in OpenCV check, and the remote provider that may
 * replace it.
 */
public interface LivenessConfig {

    /** Who checks the frames: the built-in OpenCV check, or a remote biometric service. */
    enum Provider {
        BUILTIN, REMOTE
    }

    @WithDefault("builtin")
    Provider provider();

    /** A challenge not used within this time is refused as SELFIE_CHALLENGE_EXPIRED. */
    @WithDefault("PT2M")
    Duration challengeValidity();

    /** Challenges one client address may ask for per rate-limit window. */
    @WithDefault("120")
    int challengesPerAddress();

    @WithDefault("4")
    int minFrames();

    @WithDefault("12")
    int maxFrames();

    /** Bytes of one frame (JPEG). */
    @WithDefault("262144")
    int frameMaxBytes();

    /** Longest side of one frame, read from its header before anything is decoded. */
    @WithDefault("1280")
    int frameMaxSide();

    /** Pixels of one frame (width × height), read from its header. */
    @WithDefault("1048576")
    long frameMaxPixels();

    /** Frames are decoded with subsampling to at most this long a side before detection (the pixel budget). */
    @WithDefault("640")
    int analysisLongSide();

    /** The whole check of one submission (every frame) must end within this; else 503 SELFIE_CHECK_TIMEOUT. */
    @WithDefault("PT4S")
    Duration timeBudget();

    /** A frame whose mean luminance (0–255) is below this is too dark to see a face in. */
    @WithDefault("50")
    int minMeanLuminance();

    /**
     * The smallest face looked for, as a share of the frame's shorter side: a selfie's face fills a
     * good part of the frame (a third of it at arm's length), and smaller faces (in the background)
     * are not looked for. The larger, the cheaper the search: from 0.15 to 0.20 it costs 38 % less
     * (docs/performance.md, the moving selfie).
     */
    @WithDefault("0.20")
    double minFaceShare();

    /** A left or right move: the face's centre travels at least this share of the frame's width. */
    @WithDefault("0.08")
    double minShift();

    /** A move closer: the face grows at least this factor in width. */
    @WithDefault("1.15")
    double minGrowth();

    /**
     * A face whose box has more than this share of flat pixels is taken for drawn (a cartoon) and
     * counted as no face: photographed faces measure about 0.03, a drawn cartoon about 0.6.
     */
    @WithDefault("0.35")
    double maxFlatFaceShare();

    /** Frames in which no face is found (motion blur) that are tolerated; beyond, SELFIE_NO_FACE. */
    @WithDefault("1")
    int maxFramesWithoutFace();

    /**
     * OpenCV's native library as a file. Unset, the packaged application loads the one the build
     * unpacked next to its quarkus-run.jar ({@code native/libopencv_java.so}, linux x86_64); where
     * there is none, or it does not load (another architecture), the library is unpacked from its jar
     * into the temporary folder, 63 MB at every start.
     */
    Optional<Path> opencvLibrary();

    /** The remote provider, used when {@link #provider()} is {@code remote}. */
    Remote remote();

    interface Remote {
        /** The provider's check endpoint, e.g. https://biometrik.example.go.id/v1/liveness. */
        Optional<String> url();

        @WithDefault("PT5S")
        Duration timeout();

        /** Sent as {@code Authorization: Bearer …}; from a secret in production. */
        Optional<String> apiKey();
    }
}
