package id.go.dukcapil.ikd.registration.service.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.objdetect.CascadeClassifier;

import id.go.dukcapil.ikd.testing.LogCapture;
import id.go.dukcapil.ikd.testing.ProcessMemoryMap;

/**
 * Which file OpenCV's native code comes from, read from this JVM's memory map (/proc/self/maps) as
 * the kernel sees it. The packaged application's side (the file the build unpacks next to
 * quarkus-run.jar) is checked on the real suite by e2e-tests' PackagedNativesTest.
 */
class OpenCvNativesTest {

    private static final String IN_THE_JAR = "/nu/pattern/opencv/linux/x86_64/libopencv_java490.so";

    @TempDir
    Path folder;

    @Test
    void aConfiguredLibraryIsLoadedFromItsFileAndNotUnpackedAgain() throws IOException {
        Path library = folder.resolve("libopencv_java.so");
        try (InputStream in = OpenCvNatives.class.getResourceAsStream(IN_THE_JAR)) {
            assertThat(in).as("the linux x86_64 library in the openpnp jar").isNotNull();
            Files.copy(in, library);
        }

        assertThat(OpenCvNatives.load(Optional.of(library))).contains(library.toAbsolutePath());
        assertThat(mappedFiles()).contains(library.toRealPath().toString());
        assertThat(new CascadeClassifier().empty()).isTrue(); // native code answers
    }

    @Test
    void aConfiguredFileThatIsMissingOrNoLibraryFallsBackToUnpackingTheJarsCopy() throws IOException {
        Path notALibrary = Files.writeString(folder.resolve("libopencv_java.so"), "not an ELF file");

        assertThat(OpenCvNatives.load(Optional.of(folder.resolve("missing.so")))).isEmpty();
        assertThat(OpenCvNatives.load(Optional.of(notALibrary))).isEmpty();
        assertThat(mappedFiles()).anyMatch(file -> file.contains("opencv_openpnp") && file.endsWith("libopencv_java490.so"));
    }

    @Test
    void thePackagedApplicationsLibraryIsLookedForNextToQuarkusRunJar() {
        assertThat(OpenCvNatives.besideTheApplication()).as("a test's class path is no quarkus-run.jar").isEmpty();

        String classPath = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", "/deployments/quarkus-run.jar");
            assertThat(OpenCvNatives.besideTheApplication()).contains(Path.of("/deployments/native/libopencv_java.so"));
            System.setProperty("java.class.path", "/deployments/quarkus-run.jar:/opt/other.jar");
            assertThat(OpenCvNatives.besideTheApplication()).isEmpty();
        } finally {
            System.setProperty("java.class.path", classPath);
        }
    }

    @Test
    void aPackagedApplicationWithoutTheUnpackedLibrarySaysSoAndUnpacksTheJarsCopy() {
        String classPath = System.getProperty("java.class.path");
        try (LogCapture log = LogCapture.start()) {
            System.setProperty("java.class.path", folder.resolve("quarkus-run.jar").toString());

            assertThat(OpenCvNatives.load(Optional.empty())).isEmpty();
            assertThat(log.lines()).anyMatch(line -> line.contains("The packaged application has no OpenCV library"));
        } finally {
            System.setProperty("java.class.path", classPath);
        }
    }

    private static List<String> mappedFiles() throws IOException {
        return ProcessMemoryMap.files(ProcessHandle.current().pid());
    }
}
