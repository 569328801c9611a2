package id.go.dukcapil.ikd.local.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(ServiceJvm.aotCacheOptions(jar, true))
                .containsExactly("-XX:AOTCacheOutput=" + dir.resolve(ServiceJvm.AOT_CACHE), "-Xlog:aot=error");
        assertThat(ServiceJvm.aotCacheOptions(jar, false)).isEmpty();
    }

    @Test
    void aTrainingRunIsKnownByItsCommandSoThatItsStopWaitsForTheCache() {
        Path jar = dir.resolve("quarkus-run.jar");
        ServiceProcess training = ServiceProcess.start(SuiteService.TOKEN, 1, java.util.List.of(
                ServiceJvm.javaExecutable(), "-XX:AOTCacheOutput=" + dir.resolve(ServiceJvm.AOT_CACHE), "-version"),
                dir, java.util.Map.of(), dir.resolve("logs"));
        ServiceProcess reading = ServiceProcess.start(SuiteService.TOKEN, 2, java.util.List.of(
                ServiceJvm.javaExecutable(), "-XX:AOTCache=" + jar.resolveSibling(ServiceJvm.AOT_CACHE), "-version"),
                dir, java.util.Map.of(), dir.resolve("logs-2"));
        training.awaitStop(java.time.Duration.ofSeconds(60));
        reading.awaitStop(java.time.Duration.ofSeconds(60));
        assertThat(training.recordsAotCache()).isTrue();
        assertThat(reading.recordsAotCache()).isFalse();
        assertThat(training.stopGrace()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(reading.stopGrace()).isLessThan(training.stopGrace());
    }

    @Test
    void aSuiteRecordsOnlyWithOneProcessPerService() {
        // the replicas of the HA topology would write the same file next to the packaged application
        assertThatThrownBy(() -> LocalSuite.start(dir, "ha", java.time.Duration.ofSeconds(1), Topology.HA,
                LocalSuite.AotCaches.RECORD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same AOT cache");
    }

    @Test
    void theSuitesServicesRecordOnlyWhenAskedTo() throws IOException {
        Path root = Files.createDirectories(dir.resolve("project"));
        Path jar = SuiteService.TOKEN.runnableJar(root);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar: the JVM stops at once");
        ServiceProcess recording = ServiceProcess.start(root, SuiteService.TOKEN, 1, java.util.Map.of(),
                dir.resolve("logs"), true);
        ServiceProcess reading = ServiceProcess.start(root, SuiteService.TOKEN, 2, java.util.Map.of(),
                dir.resolve("logs-2"), false);
        recording.awaitStop(java.time.Duration.ofSeconds(60));
        reading.awaitStop(java.time.Duration.ofSeconds(60));
        assertThat(recording.recordsAotCache()).isTrue();
        assertThat(reading.recordsAotCache()).isFalse();
    }

    @Test
    void aCacheNewerThanTheJarIsUsedAndAnOlderOneIsRecordedAgain() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Path cache = Files.writeString(dir.resolve(ServiceJvm.AOT_CACHE), "cache");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        Files.setLastModifiedTime(cache, FileTime.from(Instant.parse("2026-12-02T00:00:00Z")));
        assertThat(ServiceJvm.aotCacheOptions(jar, false)).containsExactly("-XX:AOTCache=" + cache);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-03T00:00:00Z"))); // rebuilt since
        assertThat(ServiceJvm.aotCacheOptions(jar, true)).containsExactly("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error");
        assertThat(ServiceJvm.aotCacheOptions(jar, false)).isEmpty();
    }

    @Test
    void anEmptyCacheLeftByAKilledAssemblyIsRecordedAgain() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
        Path cache = Files.createFile(dir.resolve(ServiceJvm.AOT_CACHE));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(ServiceJvm.aotCacheOptions(jar, true)).containsExactly("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error");
    }
}
