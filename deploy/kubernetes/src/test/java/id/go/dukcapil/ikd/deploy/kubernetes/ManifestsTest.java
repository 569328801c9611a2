package id.go.dukcapil.ikd.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.Quantity;

/** Every overlay builds, every resource is valid against its pinned API, every reference holds. */
class ManifestsTest {

    static Stream<Path> entries() {
        return Stream.of(Project.KUBERNETES.resolve("overlays/production"),
                Project.KUBERNETES.resolve("overlays/production-ingress"));
    }

    static Stream<Path> everyKustomization() {
        return Stream.of("base", "gateway", "ingress", "turn", "base/monitoring", "overlays/production",
                "overlays/production-ingress")
                .map(Project.KUBERNETES::resolve);
    }

    @ParameterizedTest
    @MethodSource("everyKustomization")
    void everyResourceIsValidAgainstItsPinnedApi(Path kustomization) {
        List<ObjectNode> resources = Manifests.build(kustomization);
        assertThat(resources).isNotEmpty();
        assertThat(resources.stream().flatMap(r -> StrictModels.problems(r).stream())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void everyReferenceHoldsInEachDeployableOverlay(Path overlay) {
        assertThat(Manifests.problems(Manifests.build(overlay))).isEmpty();
    }

    @Test
    void productionEntersThroughTheGatewayAndTheAlternativeThroughAnIngress() {
        CrossReferences gateway = new CrossReferences(Manifests.build(Project.KUBERNETES.resolve("overlays/production")));
        assertThat(gateway.ofKind("HTTPRoute")).hasSize(Manifests.routeTable().hosts().size());
        assertThat(gateway.ofKind("Ingress")).isEmpty();
        CrossReferences ingress = new CrossReferences(Manifests.build(Project.KUBERNETES.resolve("overlays/production-ingress")));
        assertThat(ingress.ofKind("Ingress")).hasSize(1);
        assertThat(ingress.ofKind("HTTPRoute")).isEmpty();
    }

    @Test
    void everyServiceHasItsAutoscalerDisruptionBudgetMonitorAndKafkaUser() {
        CrossReferences production = new CrossReferences(Manifests.build(Project.KUBERNETES.resolve("overlays/production")));
        for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor", "KafkaUser")) {
            assertThat(production.ofKind(kind).stream().map(CrossReferences::name))
                    .as(kind).containsExactlyInAnyOrderElementsOf(Project.SERVICES);
        }
    }

    @Test
    void aNewClusterPublishesTheContactFreeEventsAndAnUpgradingOneKeepsV1UntilTheSwitch(@org.junit.jupiter.api.io.TempDir Path upgrade)
            throws java.io.IOException {
        assertThat(eventVersions(Manifests.build(Project.KUBERNETES.resolve("overlays/production"))))
                .as("the production overlay").containsExactly("v2", "v3");
        // an operator's overlay for the expand step (docs/operations.md, Upgrade): production plus the component
        java.nio.file.Files.writeString(upgrade.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [%s]
                components: [%s]
                """.formatted(Project.KUBERNETES.resolve("overlays/production"),
                Project.KUBERNETES.resolve("components/events-v1")));
        List<ObjectNode> expanding = Kustomize.build(upgrade);
        assertThat(eventVersions(expanding)).as("production with components/events-v1").containsExactly("v1", "v1");
        assertThat(Manifests.problems(expanding)).isEmpty();
    }

    private static List<String> eventVersions(List<ObjectNode> resources) {
        JsonNode common = commonSettings(new CrossReferences(resources));
        return List.of(common.path("IKD_ACTIVATION_EVENTS_VERSION").asText(), common.path("IKD_VERIFICATION_EVENTS_VERSION").asText());
    }

    /** The settings every service shares: the data of the {@code ikd-common} ConfigMap. */
    private static JsonNode commonSettings(CrossReferences resources) {
        return resources.ofKind("ConfigMap").stream().filter(c -> CrossReferences.name(c).equals("ikd-common"))
                .findFirst().orElseThrow().path("data");
    }

    @Test
    void everyPodExitsOnOutOfMemoryAndRunsAsANumericNonRootUser() {
        CrossReferences production = new CrossReferences(Manifests.build(Project.KUBERNETES.resolve("overlays/production")));
        String jvmFlags = commonSettings(production).path("JAVA_TOOL_OPTIONS").asText();
        // the flags of ./ikd (deploy/local ServiceJvm.RUNTIME_OPTIONS; JvmFlagsTest holds the base equal) but the heap, which follows the pod's limit;
        // the full JIT (no C1-only start-up trade: it slows ES256 and Argon2 2-4x)
        assertThat(jvmFlags).contains("-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=")
                .doesNotContain("TieredStopAtLevel");
        for (ObjectNode deployment : production.ofKind("Deployment")) {
            var pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(CrossReferences.name(deployment)).isPositive();
            assertThat(pod.path("containers").get(0).path("envFrom").toString()).contains("ikd-common");
            assertThat(pod.path("topologySpreadConstraints").size()).isPositive();
        }
    }

    /**
     * What a service's JVM held beside its heap under load: 250-295 MB (class metadata or the AOT cache,
     * the JIT's code, threads, native buffers; docs/performance.md, "Memory beside the heap"), so a
     * margin on top. The pod's limit counts all of it: a heap that may grow into that room gets the pod
     * killed by the kernel instead of an OutOfMemoryError the service could report.
     */
    private static final long ROOM_BESIDE_THE_HEAP_MIB = 320;
    /** The heap ./ikd runs every service with (-Xmx384m), under which every test and load run passed. */
    private static final long SMALLEST_HEAP_MIB = 384;

    @Test
    void everyServicePodLeavesRoomBesideItsHeapAndGivesTheHeapAtLeastWhatTheSuiteWasTestedWith() {
        CrossReferences production = new CrossReferences(Manifests.build(Project.KUBERNETES.resolve("overlays/production")));
        String jvmFlags = commonSettings(production).path("JAVA_TOOL_OPTIONS").asText();
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)").matcher(jvmFlags);
        assertThat(percentage.find()).as(jvmFlags).isTrue();
        double heapShare = Double.parseDouble(percentage.group(1)) / 100;
        List<ObjectNode> deployments = production.ofKind("Deployment");
        assertThat(deployments).hasSizeGreaterThanOrEqualTo(5);
        for (ObjectNode deployment : deployments) {
            var container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            long limit = mebibytes(container.path("resources").path("limits").path("memory").asText());
            long heap = (long) Math.floor(limit * heapShare);
            assertThat(limit - heap).as("%s: limit %d MiB, heap up to %d MiB", CrossReferences.name(deployment), limit, heap)
                    .isGreaterThanOrEqualTo(ROOM_BESIDE_THE_HEAP_MIB);
            assertThat(heap).as("%s: heap", CrossReferences.name(deployment)).isGreaterThanOrEqualTo(SMALLEST_HEAP_MIB);
        }
    }

    @Test
    void memoryQuantitiesAreReadInMebibytes() {
        assertThat(mebibytes("1Gi")).isEqualTo(1024);
        assertThat(mebibytes("1536Mi")).isEqualTo(1536);
        assertThat(mebibytes("768Mi")).isEqualTo(768);
    }

    /** A Kubernetes memory quantity (any suffix) in whole MiB, read by fabric8's {@link Quantity}. */
    private static long mebibytes(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity)).divide(BigDecimal.valueOf(1024L * 1024)).longValue();
    }

    @Test
    void theTopicsEachServiceUsesAreDerivedFromItsCode() {
        // a guard on the derivation itself: if the patterns stopped matching, the ACL check would check nothing
        assertThat(Project.producedTopics("activation-service")).contains("ikd.activation", "ikd.identity", "ikd.dlq.activation-service");
        assertThat(Project.producedTopics("token-service")).contains("ikd.token");
        assertThat(Project.consumedTopics("notification-service")).contains("ikd.registration", "ikd.identity");
        // the card topic: written by verification-service, read by activation-service and no other
        assertThat(Project.producedTopics("verification-service")).contains("ikd.verification", "ikd.verification.card");
        assertThat(Project.producedTopics("activation-service")).doesNotContain("ikd.verification.card");
        assertThat(Project.consumedTopics("activation-service")).contains("ikd.verification.card");
        for (String service : List.of("registration-service", "notification-service", "token-service", "verification-service")) {
            assertThat(Project.consumedTopics(service)).as(service).doesNotContain("ikd.verification.card");
        }
        // the complaints' topic: written by verification-service, read by notification-service and no other
        assertThat(Project.producedTopics("verification-service")).contains("ikd.verification.complaint");
        for (String service : List.of("registration-service", "activation-service", "token-service", "verification-service")) {
            assertThat(Project.consumedTopics(service)).as(service).doesNotContain("ikd.verification.complaint");
        }
        assertThat(Project.consumedTopics("notification-service")).contains("ikd.verification.complaint");
    }
}
