package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.ProcessMemoryMap;

/**
 * The packaged registration-service runs OpenCV's native code from the file the build unpacked next
 * to its quarkus-run.jar, not from a copy the openpnp jar unpacks into the temporary folder at every
 * start (63 MB and about a second of start-up each, left behind by a killed process). Read from the
 * process' memory map, as the kernel sees it.
 */
class PackagedNativesTest {

    @Test
    void registrationServiceMapsTheLibraryTheBuildUnpacked() throws IOException {
        ServiceProcess registration = Suite.shared().local().process(SuiteService.REGISTRATION);
        Path unpackedByTheBuild = Path.of(System.getProperty("ikd.project.root", ".."))
                .resolve("registration-service/target/quarkus-app/native/libopencv_java.so").toRealPath();

        List<String> opencv = ProcessMemoryMap.files(registration.pid()).stream()
                // the shared libraries only: a JVM recording its AOT cache also maps the openpnp jar itself
                .filter(file -> file.contains("opencv") && file.matches(".*\\.so(\\.[0-9.]+)?"))
                .toList();

        assertThat(opencv).containsExactly(unpackedByTheBuild.toString());
    }
}
