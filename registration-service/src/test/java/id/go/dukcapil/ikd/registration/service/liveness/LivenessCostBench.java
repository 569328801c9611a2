package id.go.dukcapil.ikd.registration.service.liveness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.registration.CpuSamples;
import id.go.dukcapil.ikd.registration.LivenessFrames;
import id.go.dukcapil.ikd.registration.domain.ChallengeMove;
import id.go.dukcapil.ikd.registration.domain.SelfieChallenge;
import id.go.dukcapil.ikd.testing.BenchmarkJvm;
import id.go.dukcapil.ikd.web.images.ImageGuard;
import id.go.dukcapil.ikd.web.images.ImagePolicy;

/**
 * What the moving selfie (issue 18) costs registration-service: CPU time of one thread for the
 * built-in liveness check of a whole submission (every frame decoded, turned grey, searched for a
 * face by OpenCV's Haar cascade, then the track judged), and its parts per frame. Frames as the
 * tests' fake camera makes them (320 × 320 JPEG) and at twice that side (640 × 640, the analysis
 * size a phone's frames are reduced to). Not a test (no assertion on time; surefire runs *Test
 * only); run it with
 * {@code ./mvnw -B -o -pl registration-service test -Pbench -Dtest=LivenessCostBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures also in registration-service/target/liveness-bench.txt.
 */
class LivenessCostBench {

    private static final List<String> MOVES = List.of("LEFT", "CLOSER");
    private static final List<Double> OTHER_SHARES = List.of(0.20, 0.25, 0.30);
    private static final SelfieChallenge CHALLENGE = new SelfieChallenge(UUID.randomUUID(),
            List.of(ChallengeMove.LEFT, ChallengeMove.CLOSER), Instant.now(), Instant.now().plusSeconds(3600));

    private final List<String> report = new ArrayList<>();

    @Test
    void run() throws IOException {
        double warmUpSeconds = Double.parseDouble(System.getProperty("bench.warm-up-s", "4"));
        double measureSeconds = Double.parseDouble(System.getProperty("bench.measure-s", "20"));
        int rounds = Integer.getInteger("bench.rounds", 5);
        line("liveness cost benchmark, %s, JDK %s, %d cores, JVM flags %s", Instant.now(), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), BenchmarkJvm.requireFullJit());
        line("load: %s", CpuSamples.load());

        FaceDetector detector = new FaceDetector(Optional.empty());
        detector.load();
        BuiltinLivenessCheck check = BuiltinLivenessCheckTest.check(detector, Duration.ofMinutes(1));
        List<byte[]> small = LivenessFrames.following(MOVES);
        List<byte[]> large = small.stream().map(LivenessCostBench::twiceTheSide).toList();
        for (List<byte[]> frames : List.of(small, large)) {
            if (!check.analyse(CHALLENGE, frames).live()) {
                throw new IllegalStateException("the bench's frames must pass the check they measure");
            }
        }
        var policy = FramePolicy.of(BuiltinLivenessCheckTest.config(Duration.ofMinutes(1)));
        GreyFrame smallGrey = GreyFrame.of(ImageGuard.decode(small.get(0), policy).image());
        GreyFrame largeGrey = GreyFrame.of(ImageGuard.decode(large.get(0), policy).image());
        line("frames: %d a submission (challenge %s); %,d bytes on average at 320 × 320, %,d at 640 × 640", small.size(),
                MOVES, average(small), average(large));

        double share = BuiltinLivenessCheckTest.MIN_FACE_SHARE;
        line("smallest face looked for: %.2f of the frame's side (min-face-share); the fixtures' faces: %s of the side",
                share, faceShares(detector, policy, small));
        List<String> names = new ArrayList<>(List.of("whole check, 320 × 320 frames", "whole check, 640 × 640 frames",
                "one frame 320: decode + grey", "one frame 320: face search", "one frame 640: decode + grey",
                "one frame 640: face search"));
        List<Supplier<?>> variants = new ArrayList<>(List.of(
                () -> check.analyse(CHALLENGE, small),
                () -> check.analyse(CHALLENGE, large),
                () -> GreyFrame.of(ImageGuard.decode(small.get(0), policy).image()),
                () -> detector.faces(smallGrey.pixels(), smallGrey.width(), smallGrey.height(), share),
                () -> GreyFrame.of(ImageGuard.decode(large.get(0), policy).image()),
                () -> detector.faces(largeGrey.pixels(), largeGrey.width(), largeGrey.height(), share)));
        // what a larger smallest face would save: the search alone, at the shares an operator may set
        for (double other : OTHER_SHARES) {
            names.add(String.format("one frame 640: search from %.2f", other));
            variants.add(() -> detector.faces(largeGrey.pixels(), largeGrey.width(), largeGrey.height(), other));
        }
        for (Supplier<?> variant : variants) {
            CpuSamples.cpuMs(variant, warmUpSeconds);
        }
        // rounds in turn, so that a change in the machine's load falls on every variant alike
        double[][] samples = new double[variants.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                samples[v][round] = CpuSamples.cpuMs(variants.get(v), measureSeconds / rounds / variants.size() * 2);
            }
        }
        line("CPU, one thread, median of %d rounds (ms; the rounds' range in brackets):", rounds);
        for (int v = 0; v < variants.size(); v++) {
            line("  %-34s %9.3f %s", names.get(v), CpuSamples.median(samples[v]), CpuSamples.range(samples[v]));
        }
        line("moving selfies per core (the check alone): %.0f /s at 320 × 320, %.0f /s at 640 × 640",
                1000 / CpuSamples.median(samples[0]), 1000 / CpuSamples.median(samples[1]));
        line("load: %s", CpuSamples.load());
        Path out = Path.of("target", "liveness-bench.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static byte[] twiceTheSide(byte[] jpeg) {
        try {
            var source = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
            var target = new java.awt.image.BufferedImage(source.getWidth() * 2, source.getHeight() * 2,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            var graphics = target.createGraphics();
            graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, target.getWidth(), target.getHeight(), null);
            graphics.dispose();
            return LivenessFrames.jpeg(target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The width of the face found in each frame, as a share of the frame's side. */
    private static String faceShares(FaceDetector detector, ImagePolicy policy, List<byte[]> frames) {
        List<String> shares = new ArrayList<>();
        for (byte[] frame : frames) {
            GreyFrame grey = GreyFrame.of(ImageGuard.decode(frame, policy).image());
            detector.faces(grey.pixels(), grey.width(), grey.height(), BuiltinLivenessCheckTest.MIN_FACE_SHARE).stream()
                    .findFirst().ifPresent(face -> shares.add(String.format("%.2f", (double) face.width()
                            / Math.min(grey.width(), grey.height()))));
        }
        return String.join(", ", shares);
    }

    private static int average(List<byte[]> frames) {
        return (int) frames.stream().mapToInt(frame -> frame.length).average().orElse(0);
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.add(text);
    }
}
