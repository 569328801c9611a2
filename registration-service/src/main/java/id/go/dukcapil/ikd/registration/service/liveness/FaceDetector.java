package id.go.dukcapil.ikd.registration.service.liveness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

import id.go.dukcapil.ikd.registration.config.RegistrationConfig;

/**
 * Finds frontal faces in a grey image with OpenCV's Haar cascade
 * ({@code haarcascade_frontalface_default.xml}, which the build unpacks from the OpenCV release on
 * Maven Central into {@value #CASCADE}). OpenCV's native library ({@link OpenCvNatives}) and the
 * cascade are loaded on first use. A classifier is not safe for two threads at once: each call
 * borrows one from a pool, which the {@code image-decode} bulkhead's concurrency bounds. Every Mat
 * is released when the call ends, so native memory does not wait for the garbage collector.
 */
@ApplicationScoped
public class FaceDetector {

    static final String CASCADE = "liveness/haarcascade_frontalface_default.xml";
    private static final Logger LOG = Logger.getLogger(FaceDetector.class);
    private static final double SCALE_STEP = 1.1;
    /**
     * Overlapping detections a face needs; fewer are taken for noise. At 5 (a common choice) the
     * astronaut's suit gave a second "face" in one of the test views; at 6 to 10 none did.
     */
    private static final int MIN_NEIGHBOURS = 7;

    /** A face found: its box in the image's pixels. */
    public record Face(int x, int y, int width, int height) {

        public double centreX() {
            return x + width / 2.0;
        }

        public double centreY() {
            return y + height / 2.0;
        }
    }

    private final Queue<CascadeClassifier> idle = new ConcurrentLinkedQueue<>();
    private final Optional<Path> opencvLibrary;
    private boolean nativesLoaded;

    @Inject
    public FaceDetector(RegistrationConfig config) {
        this(config.selfie().liveness().opencvLibrary());
    }

    /** With OpenCV's native library from {@code opencvLibrary}, else as {@link OpenCvNatives#load} finds it. */
    public FaceDetector(Optional<Path> opencvLibrary) {
        this.opencvLibrary = opencvLibrary;
    }

    /**
     * Faces in an 8-bit grey image of {@code width} × {@code height} ({@code grey} row by row) at
     * least {@code minFaceShare} of its shorter side wide. The share sets the cost: the cascade scans
     * from that size up, and the first (smallest) scales are the dearest.
     */
    public List<Face> faces(byte[] grey, int width, int height, double minFaceShare) {
        CascadeClassifier classifier = borrow();
        Mat image = new Mat(height, width, CvType.CV_8UC1);
        MatOfRect found = new MatOfRect();
        try {
            image.put(0, 0, grey);
            Imgproc.equalizeHist(image, image);
            double smallest = Math.min(width, height) * minFaceShare;
            classifier.detectMultiScale(image, found, SCALE_STEP, MIN_NEIGHBOURS, 0, new Size(smallest, smallest),
                    new Size());
            return Arrays.stream(found.toArray()).map(r -> new Face(r.x, r.y, r.width, r.height)).toList();
        } finally {
            image.release();
            found.release();
            idle.add(classifier);
        }
    }

    /** Loads the native library and the cascade now rather than on the first selfie. */
    public void load() {
        idle.add(borrow());
    }

    private CascadeClassifier borrow() {
        CascadeClassifier classifier = idle.poll();
        if (classifier != null) {
            return classifier;
        }
        loadNatives();
        return newClassifier();
    }

    /**
     * OpenCV reads a cascade from a file only, so the classpath copy is written to a temporary file
     * for the moment a classifier reads it, then deleted: the pool holds at most one classifier per
     * thread of the bulkhead, and a killed process leaves no copy behind.
     */
    private static CascadeClassifier newClassifier() {
        Path file = null;
        try (InputStream resource = FaceDetector.class.getClassLoader().getResourceAsStream(CASCADE)) {
            if (resource == null) {
                throw new IllegalStateException(CASCADE + " is missing from the classpath (the build unpacks it)");
            }
            file = Files.createTempFile("ikd-face-cascade", ".xml");
            Files.copy(resource, file, StandardCopyOption.REPLACE_EXISTING);
            CascadeClassifier created = new CascadeClassifier(file.toString());
            if (created.empty()) {
                throw new IllegalStateException("the face cascade " + CASCADE + " did not load");
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the face cascade for OpenCV failed", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("the temporary face cascade %s was not deleted: %s", file, e.getMessage());
        }
    }

    private synchronized void loadNatives() {
        if (!nativesLoaded) {
            OpenCvNatives.load(opencvLibrary);
            nativesLoaded = true;
        }
    }
}
