package id.go.dukcapil.ikd.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BannerTest {

    @TempDir
    Path module;

    @Test
    void demoCredentialsArePrintedAsWrittenWithoutCommentsAndOuterBlankLines() throws Exception {
        Path file = module.resolve("ikd-demo.txt");
        Files.writeString(file, """
                # shown by ./ikd up

                Portal operator: http://localhost:8082/portal   kata sandi / password: Demo-IKD-2026!
                  NIK demo: 3171011212000001

                """);

        assertThat(Banner.demoCredentials(file)).containsExactly(
                "Portal operator: http://localhost:8082/portal   kata sandi / password: Demo-IKD-2026!",
                "  NIK demo: 3171011212000001");
    }

    @Test
    void aServiceWithoutTheFileHasNoDemoCredentials() {
        assertThat(Banner.demoCredentials(module.resolve("ikd-demo.txt"))).isEmpty();
    }
}
