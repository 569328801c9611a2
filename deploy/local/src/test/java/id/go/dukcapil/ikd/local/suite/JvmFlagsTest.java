package id.go.dukcapil.ikd.local.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every service's JVM runs with the flags {@code ./ikd} gives it, wherever it runs, so that the
 * figures measured on {@code ./ikd up} are the ones Compose and Kubernetes users get: the same
 * collector, the same exit on OutOfMemoryError, the full JIT. Only Kubernetes sizes the heap
 * differently, from the pod's memory limit (ManifestsTest checks the room that leaves).
 */
class JvmFlagsTest {

    private static final Path ROOT = Path.of("../..");
    private static final Path COMPOSE = ROOT.resolve("deploy/compose/compose.yaml");
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes/base/config.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void composeRunsEveryServiceWithTheFlagsOfIkd() throws IOException {
        // one shared environment block, which no service overrides
        assertThat(Files.readString(COMPOSE).split("JAVA_TOOL_OPTIONS", -1)).hasSize(2);
        JsonNode environment = YAML.readTree(COMPOSE.toFile()).path("x-service").path("environment");

        assertThat(flags(environment.path("JAVA_TOOL_OPTIONS").asText())).isEqualTo(ServiceProcess.JVM_OPTIONS);
    }

    @Test
    void kubernetesRunsEveryServiceWithTheFlagsOfIkdButSizesTheHeapFromThePodsLimit() throws IOException {
        assertThat(Files.readString(KUBERNETES).split("JAVA_TOOL_OPTIONS", -1)).hasSize(2);
        JsonNode common = YAML.readTree(KUBERNETES.toFile()).path("data");
        List<String> flags = flags(common.path("JAVA_TOOL_OPTIONS").asText());

        assertThat(flags.getFirst()).matches("-XX:MaxRAMPercentage=\\d+");
        assertThat(flags.subList(1, flags.size())).isEqualTo(ServiceProcess.RUNTIME_OPTIONS);
    }

    @Test
    void ikdRunsTheSharedFlagsWithALaptopsHeap() {
        assertThat(ServiceProcess.JVM_OPTIONS).containsSubsequence(ServiceProcess.RUNTIME_OPTIONS)
                .containsSubsequence(ServiceProcess.HEAP_OPTIONS)
                .noneMatch(flag -> flag.contains("TieredStopAtLevel"));
    }

    private static List<String> flags(String value) {
        assertThat(value).as("JAVA_TOOL_OPTIONS").isNotBlank();
        return Arrays.asList(value.trim().split("\\s+"));
    }
}
