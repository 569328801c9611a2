package id.go.dukcapil.ikd.local.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every service's JVM runs with the flags {@code ./ikd} gives it, wherever it runs, so that the
 * figures measured on {@code ./ikd up} are the ones Compose and Kubernetes users get: the same
 * collector, the same exit on OutOfMemoryError, the full JIT. Only Kubernetes sizes the heap
 * differently, from the pod's memory limit (ManifestsTest checks the room that leaves). The files
 * are read with SnakeYAML, which resolves Compose's {@code <<: *environment} merge keys, so each
 * service's own environment is what is compared.
 */
class JvmFlagsTest {

    private static final Path ROOT = Path.of("../..");
    private static final Path COMPOSE = ROOT.resolve("deploy/compose/compose.yaml");
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes/base/config.yaml");

    @TempDir
    Path dir;

    @Test
    void composeRunsEveryServiceWithTheFlagsOfIkd() throws IOException {
        Map<String, Object> services = map(yaml(COMPOSE).get("services"));
        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> environment = map(map(services.get(service.module())).get("environment"));
            assertThat(environment.keySet()).as(service.module())
                    // the variables a JVM or its image's launcher reads flags from
                    .filteredOn(name -> name.matches("(JDK_|_)?JAVA_(TOOL_)?OPT(ION)?S"))
                    .containsExactly("JAVA_TOOL_OPTIONS");
            assertThat(flags(environment.get("JAVA_TOOL_OPTIONS"))).as(service.module())
                    .isEqualTo(ServiceJvm.JVM_OPTIONS);
        }
    }

    @Test
    void kubernetesRunsEveryServiceWithTheFlagsOfIkdButSizesTheHeapFromThePodsLimit() throws IOException {
        // the ikd-common ConfigMap, which every Deployment takes whole (ManifestsTest)
        List<String> flags = flags(map(yaml(KUBERNETES).get("data")).get("JAVA_TOOL_OPTIONS"));

        assertThat(flags.getFirst()).matches("-XX:MaxRAMPercentage=\\d+");
        assertThat(flags.subList(1, flags.size())).isEqualTo(ServiceJvm.RUNTIME_OPTIONS);
    }

    @Test
    void ikdStartsEachServiceWithItsFlagsAndALaptopsHeap() throws IOException {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");

        List<String> command = ServiceJvm.command(jar, false);

        assertThat(command).startsWith(ServiceJvm.javaExecutable())
                .containsSequence(ServiceJvm.JVM_OPTIONS).endsWith("-jar", jar.toString());
        assertThat(ServiceJvm.JVM_OPTIONS).containsExactly("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<String> flags(Object value) {
        assertThat(value).as("JAVA_TOOL_OPTIONS").isInstanceOf(String.class);
        return Arrays.asList(((String) value).trim().split("\\s+"));
    }
}
