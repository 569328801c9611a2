package id.go.dukcapil.ikd.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
        var common = new CrossReferences(resources).ofKind("ConfigMap").stream()
                .filter(c -> CrossReferences.name(c).equals("ikd-common")).findFirst().orElseThrow().path("data");
        return List.of(common.path("IKD_ACTIVATION_EVENTS_VERSION").asText(), common.path("IKD_VERIFICATION_EVENTS_VERSION").asText());
    }

    @Test
    void everyPodExitsOnOutOfMemoryAndRunsAsANumericNonRootUser() {
        CrossReferences production = new CrossReferences(Manifests.build(Project.KUBERNETES.resolve("overlays/production")));
        String jvmFlags = production.ofKind("ConfigMap").stream().filter(c -> CrossReferences.name(c).equals("ikd-common"))
                .findFirst().orElseThrow().path("data").path("JAVA_TOOL_OPTIONS").asText();
        // the flags of ./ikd (deploy/local ServiceProcess.JVM_OPTIONS) but the heap, which follows the pod's limit;
        // the full JIT (no C1-only start-up trade: it slows ES256 and Argon2 2-4x)
        assertThat(jvmFlags).contains("-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75")
                .doesNotContain("TieredStopAtLevel");
        for (ObjectNode deployment : production.ofKind("Deployment")) {
            var pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(CrossReferences.name(deployment)).isPositive();
            assertThat(pod.path("containers").get(0).path("envFrom").toString()).contains("ikd-common");
            assertThat(pod.path("topologySpreadConstraints").size()).isPositive();
        }
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
