package id.go.dukcapil.ikd.registration.service.liveness;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Loads OpenCV's native library. The openpnp jar carries it for every platform and, asked to load
 * it, unpacks the 63 MB file into a new folder of the temporary folder at every start: about 0.4 s of
 * CPU on the start's main thread, and a copy left behind each time the process is killed (a pod's
 * {@code /tmp} emptyDir fills after a few restarts). The build unpacks the linux x86_64 library once,
 * to {@value #BESIDE_THE_APPLICATION} next to {@code quarkus-run.jar}, and loading that file takes
 * about 5 ms. Elsewhere (another architecture, the tests' applications, which are not started from
 * {@code quarkus-run.jar}) the jar's own loader still unpacks it.
 */
final class OpenCvNatives {

    static final String BESIDE_THE_APPLICATION = "native/libopencv_java.so";
    private static final String RUNNER = "quarkus-run.jar";
    private static final Logger LOG = Logger.getLogger(OpenCvNatives.class);

    private OpenCvNatives() {
    }

    /**
     * Loads the library from {@code configured}, else from beside the packaged application, else by
     * unpacking it from the jar. Returns the file loaded, or empty when it was unpacked. Called once
     * per class loader (the detector's cascade is made once); System.load of the same file again is
     * a no-op.
     */
    static Optional<Path> load(Optional<Path> configured) {
        Optional<Path> file = configured.or(OpenCvNatives::besideTheApplication);
        if (file.isPresent()) {
            Path library = file.get().toAbsolutePath();
            if (Files.isRegularFile(library)) {
                try {
                    System.load(library.toString());
                    LOG.infof("OpenCV's native library loaded from %s", library);
                    return Optional.of(library);
                } catch (UnsatisfiedLinkError e) {
                    LOG.warnf("OpenCV's native library at %s does not load here (%s); unpacking the jar's instead",
                            library, e.getMessage());
                }
            } else if (configured.isPresent()) {
                LOG.warnf("ikd.registration.selfie.liveness.opencv-library names %s, which is not a file; "
                        + "unpacking the jar's library instead", library);
            } else {
                LOG.warnf("The packaged application has no OpenCV library at %s (the build unpacks it there); "
                        + "unpacking the jar's into the temporary folder at every start instead", library);
            }
        }
        nu.pattern.OpenCV.loadLocally();
        return Optional.empty();
    }

    /** {@value #BESIDE_THE_APPLICATION} next to quarkus-run.jar, when the JVM was started with {@code -jar} on it. */
    static Optional<Path> besideTheApplication() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(RUNNER)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(classPath).toAbsolutePath().resolveSibling(BESIDE_THE_APPLICATION));
    }
}
