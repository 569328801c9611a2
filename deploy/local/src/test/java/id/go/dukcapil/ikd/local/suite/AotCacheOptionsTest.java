package id.go.dukcapil.ikd.local.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheOptionsTest {

    @TempDir
    Path dir;

    @Test
    void withoutACacheOnlyTheLauncherRecordsOne() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        assertThat(ServiceProcess.aotCacheOptions(jar, true))
                .containsExactly("-XX:AOTCacheOutput=" + dir.resolve(ServiceProcess.AOT_CACHE), "-Xlog:aot=error");
        assertThat(ServiceProcess.aotCacheOptions(jar, false)).isEmpty();
    }

    @Test
    void aCacheNewerThanTheJarIsUsedAndAnOlderOneIsRecordedAgain() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Path cache = Files.writeString(dir.resolve(ServiceProcess.AOT_CACHE), "cache");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        Files.setLastModifiedTime(cache, FileTime.from(Instant.parse("2026-12-02T00:00:00Z")));
        assertThat(ServiceProcess.aotCacheOptions(jar, false)).containsExactly("-XX:AOTCache=" + cache);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-03T00:00:00Z"))); // rebuilt since
        assertThat(ServiceProcess.aotCacheOptions(jar, true)).containsExactly("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error");
        assertThat(ServiceProcess.aotCacheOptions(jar, false)).isEmpty();
    }

    @Test
    void anEmptyCacheLeftByAKilledAssemblyIsRecordedAgain() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Path cache = Files.createFile(dir.resolve(ServiceProcess.AOT_CACHE));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(ServiceProcess.aotCacheOptions(jar, true)).containsExactly("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error");
    }
}
