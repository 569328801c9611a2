package id.go.dukcapil.ikd.registration.service.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.registration.LivenessFrames;
import id.go.dukcapil.ikd.registration.domain.ChallengeMove;

/**
 * OpenCV's Haar cascade, as the build unpacked it, on the real face of the fixtures: one face where
 * the photo is, none in a drawn cartoon or noise, two side by side; and the track of the face through
 * synthesized moves, judged against each challenge.
 */
class FaceDetectorTest {

    private static final FaceDetector DETECTOR = new FaceDetector(Optional.empty());
    private static final FaceTrack.Thresholds THRESHOLDS = new FaceTrack.Thresholds(0.08, 1.15, 1);

    @Test
    void theAstronautsFaceIsFoundWhereItIs() {
        List<FaceDetector.Face> faces = faces(LivenessFrames.frame(LivenessFrames.START));
        assertThat(faces).hasSize(1);
        FaceDetector.Face face = faces.get(0);
        assertThat(face.centreX() / LivenessFrames.SIDE).isBetween(0.4, 0.6);
        assertThat(face.width()).isBetween(80, 160);
    }

    @Test
    void onlyFacesAtLeastTheShareLookedForAreFound() {
        BufferedImage frame = read(LivenessFrames.jpeg(LivenessFrames.frame(LivenessFrames.START)));
        GreyFrame grey = GreyFrame.of(frame);

        assertThat(DETECTOR.faces(grey.pixels(), grey.width(), grey.height(), 0.25)).as("a third of the side, from a quarter")
                .hasSize(1);
        assertThat(DETECTOR.faces(grey.pixels(), grey.width(), grey.height(), 0.45)).as("from nearly half").isEmpty();
    }

    @Test
    void noiseHasNoFaceAndAPairHasTwo() {
        assertThat(faces(read(LivenessFrames.noise(1).get(0)))).isEmpty();
        assertThat(faces(read(LivenessFrames.twoFaces(1).get(0)))).as("two faces").hasSize(2);
    }

    /** The cascade finds the cartoon's face (it is a face-like pattern); its flat fills give it away. */
    @Test
    void aCartoonsFaceIsFoundButItsBoxIsFlatAndAPhotosIsNot() {
        BufferedImage cartoon = read(LivenessFrames.jpeg(LivenessFrames.cartoonFrame(160)));
        List<FaceDetector.Face> drawn = DETECTOR.faces(GreyFrame.of(cartoon).pixels(), cartoon.getWidth(),
                cartoon.getHeight(), BuiltinLivenessCheckTest.MIN_FACE_SHARE);
        assertThat(drawn).hasSize(1);
        assertThat(flatShare(cartoon, drawn.get(0))).isGreaterThan(0.35);

        BufferedImage photo = read(LivenessFrames.jpeg(LivenessFrames.frame(LivenessFrames.START)));
        FaceDetector.Face face = faces(photo).get(0);
        assertThat(flatShare(photo, face)).isLessThan(0.1);
    }

    /**
     * OpenCV reads a cascade only from a file: each classifier's copy in the temporary folder is gone
     * once it has been read, so a killed process leaves none behind. Four threads at once make the
     * pool create four classifiers, each from its own copy.
     */
    @Test
    void classifiersLeaveNoCopyOfTheCascadeInTheTemporaryFolder() throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = cascadeCopies(temporary);
        FaceDetector detector = new FaceDetector(Optional.empty());
        BufferedImage frame = read(LivenessFrames.jpeg(LivenessFrames.frame(LivenessFrames.START)));
        GreyFrame grey = GreyFrame.of(frame);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<FaceDetector.Face>>> found = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                found.add(threads.submit(() -> detector.faces(grey.pixels(), grey.width(), grey.height(), 0.25)));
            }
            for (Future<List<FaceDetector.Face>> faces : found) {
                assertThat(faces.get(30, TimeUnit.SECONDS)).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(cascadeCopies(temporary)).isEqualTo(before);
    }

    private static Set<Path> cascadeCopies(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("ikd-face-cascade"))
                    .collect(Collectors.toSet());
        }
    }

    private static double flatShare(BufferedImage image, FaceDetector.Face face) {
        return GreyFrame.of(image).flatShare(face.x(), face.y(), face.width(), face.height());
    }

    @Test
    void everyPairOfMovesIsFollowedAndNoOtherPair() throws IOException {
        for (ChallengeMove first : ChallengeMove.values()) {
            for (ChallengeMove second : ChallengeMove.values()) {
                if (first == second) {
                    continue;
                }
                List<FaceTrack.Reading> readings = readings(LivenessFrames.following(List.of(first.name(), second.name())));
                assertThat(FaceTrack.judge(List.of(first, second), readings, THRESHOLDS).live())
                        .as(first + " then " + second).isTrue();
                for (ChallengeMove other : ChallengeMove.values()) {
                    if (other != first && other != second) {
                        assertThat(FaceTrack.judge(List.of(first, other), readings, THRESHOLDS).live())
                                .as(first + ", " + second + " recorded, " + first + ", " + other + " asked").isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aStillFaceFollowsNothingAndTheBestFrameIsTheClosest() throws IOException {
        List<FaceTrack.Reading> still = readings(LivenessFrames.still(5));
        assertThat(FaceTrack.judge(List.of(ChallengeMove.LEFT, ChallengeMove.CLOSER), still, THRESHOLDS).refusal())
                .contains(LivenessRefusal.CHALLENGE_NOT_FOLLOWED);
        List<FaceTrack.Reading> moving = readings(LivenessFrames.following(List.of("RIGHT", "CLOSER")));
        assertThat(FaceTrack.judge(List.of(ChallengeMove.RIGHT, ChallengeMove.CLOSER), moving, THRESHOLDS).bestFrame())
                .isEqualTo(4);
    }

    private static List<FaceTrack.Reading> readings(List<byte[]> frames) throws IOException {
        List<FaceTrack.Reading> readings = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            BufferedImage image = read(frames.get(i)); // the frame exactly as the API receives it
            GreyFrame grey = GreyFrame.of(image);
            List<FaceDetector.Face> faces = DETECTOR.faces(grey.pixels(), grey.width(), grey.height(), BuiltinLivenessCheckTest.MIN_FACE_SHARE);
            assertThat(faces).as("faces in frame " + i).hasSizeLessThan(2);
            readings.add(new FaceTrack.Reading(i, image.getWidth(), image.getHeight(), faces.isEmpty() ? null : faces.get(0)));
        }
        return readings;
    }

    private static List<FaceDetector.Face> faces(BufferedImage image) {
        BufferedImage bgr = read(LivenessFrames.jpeg(image));
        GreyFrame grey = GreyFrame.of(bgr);
        return DETECTOR.faces(grey.pixels(), grey.width(), grey.height(), BuiltinLivenessCheckTest.MIN_FACE_SHARE);
    }

    private static BufferedImage read(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
