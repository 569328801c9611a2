package id.go.dukcapil.ikd.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checks catch what they claim to: each test plants one error of a kind (among them each
 * defect issue 15 found in the old manifests) into the built production overlay and expects a
 * problem that names it. The unchanged overlay has none (ManifestsTest).
 */
class NegativeControlsTest {

    private static List<ObjectNode> production() {
        return Manifests.build(Project.KUBERNETES.resolve("overlays/production"));
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind) && CrossReferences.name(r).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " not in the overlay"));
    }

    private static List<String> plant(String kind, String name, Consumer<ObjectNode> error) {
        List<ObjectNode> resources = production();
        error.accept(find(resources, kind, name));
        return Manifests.problems(resources);
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void anUnknownFieldOfAKubernetesResourceIsRefused() {
        assertThat(plant("Deployment", "token-service", d -> container(d).put("imagePullPolicyy", "Always")))
                .anyMatch(p -> p.contains("Deployment token-service") && p.contains("unknown field") && p.contains("imagePullPolicyy"));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefused() {
        assertThat(plant("HorizontalPodAutoscaler", "token-service", h -> ((ObjectNode) h.get("spec")).put("minReplicas", "two")))
                .anyMatch(p -> p.contains("HorizontalPodAutoscaler token-service") && p.contains("does not bind"));
    }

    @Test
    void theStrimziV1beta2ApiIsRefused() {
        assertThat(plant("KafkaTopic", "ikd.token", t -> t.put("apiVersion", "kafka.strimzi.io/v1beta2")))
                .anyMatch(p -> p.contains("kafka.strimzi.io/v1beta2/KafkaTopic ikd.token") && p.contains("no pinned API"));
    }

    @Test
    void anUnknownFieldOfAStrimziResourceIsRefused() {
        assertThat(plant("Kafka", "ikd-kafka", k -> ((ObjectNode) k.path("spec").path("kafka")).put("replicas", 3)))
                .anyMatch(p -> p.contains("Kafka ikd-kafka") && p.contains("unknown field") && p.contains("replicas"));
    }

    @Test
    void anUnknownFieldOfACloudNativePgResourceIsRefused() {
        assertThat(plant("Pooler", "ikd-postgres-pooler-rw", pooler -> ((ObjectNode) pooler.path("spec").path("pgbouncer")).put("pool_mode", "session")))
                .anyMatch(p -> p.contains("Pooler ikd-postgres-pooler-rw") && p.contains("unknown field .spec.pgbouncer.pool_mode"));
    }

    @Test
    void anUnknownFieldOfAGatewayApiResourceIsRefused() {
        assertThat(plant("HTTPRoute", "ikd-api", r -> ((ObjectNode) r.get("spec")).put("hostname", "api.example")))
                .anyMatch(p -> p.contains("HTTPRoute ikd-api") && p.contains("unknown field") && p.contains("hostname"));
    }

    @Test
    void anUnknownFieldOfAPrometheusOperatorResourceIsRefused() {
        assertThat(plant("ServiceMonitor", "token-service", m -> ((ObjectNode) m.path("spec").path("endpoints").get(0)).put("scrapeEvery", "30s")))
                .anyMatch(p -> p.contains("ServiceMonitor token-service") && p.contains("unknown field") && p.contains("scrapeEvery"));
    }

    @Test
    void aServiceThatSelectsNoPodsIsCaught() {
        assertThat(plant("Service", "activation-service", s -> ((ObjectNode) s.path("spec").path("selector")).put("app.kubernetes.io/name", "activation")))
                .anyMatch(p -> p.contains("Service activation-service selects no Deployment"));
    }

    @Test
    void aSecretNobodyCreatesIsCaught() {
        // the old manifests' defect: the sealing key files had no volume; here a volume names a secret nobody makes
        assertThat(plant("Deployment", "notification-service", d -> ((ObjectNode) d.path("spec").path("template").path("spec")
                .path("volumes").get(0).path("secret")).put("secretName", "ikd-sealing-keys")))
                .anyMatch(p -> p.contains("Deployment notification-service uses Secret ikd-sealing-keys"));
    }

    @Test
    void aSecretKeyNobodyWritesIsCaught() {
        assertThat(plant("Deployment", "registration-service", d -> {
            for (JsonNode env : container(d).path("env")) {
                if (env.path("name").asText().equals("IKD_REGISTRATION_SELFIE_KEY")) {
                    ((ObjectNode) env.path("valueFrom").path("secretKeyRef")).put("key", "IKD_REGISTRATION_SELFIE_KEY");
                }
            }
        })).anyMatch(p -> p.contains("uses key IKD_REGISTRATION_SELFIE_KEY of Secret ikd-registration-service"));
    }

    @Test
    void aMountOfAnUndeclaredVolumeIsCaught() {
        assertThat(plant("Deployment", "activation-service", d -> ((ArrayNode) container(d).path("volumeMounts"))
                .addObject().put("name", "sealing-keys").put("mountPath", "/etc/ikd/keys")))
                .anyMatch(p -> p.contains("Deployment activation-service mounts volume sealing-keys"));
    }

    @Test
    void aTopicWithoutKafkaTopicIsCaught() {
        List<ObjectNode> resources = new java.util.ArrayList<>(production());
        resources.remove(find(resources, "KafkaTopic", "ikd.identity"));
        assertThat(Manifests.problems(resources)).anyMatch(p -> p.contains("uses topic ikd.identity, which has no KafkaTopic"));
    }

    @Test
    void aMissingAclIsCaught() {
        assertThat(plant("KafkaUser", "notification-service", u -> ((ArrayNode) u.path("spec").path("authorization").path("acls")).remove(0)))
                .anyMatch(p -> p.contains("KafkaUser notification-service lacks [") && p.contains("topic:ikd.notification"));
    }

    @Test
    void anAclBeyondWhatTheServiceNeedsIsCaught() {
        // a forged VerificationDecided: activation-service must not write ikd.verification
        assertThat(plantTopicAcl("activation-service", "ikd.verification", "Write"))
                .anyMatch(p -> p.contains("KafkaUser activation-service may [Write] on topic:ikd.verification"));
    }

    @Test
    void aServiceReadingTheApprovalsWithTheCardAttributesIsCaught() {
        // only activation-service makes identities: the registry attributes on ikd.verification.card are for it alone
        assertThat(plantTopicAcl("notification-service", "ikd.verification.card", "Read"))
                .anyMatch(p -> p.contains("KafkaUser notification-service may [Read] on topic:ikd.verification.card, which it does not need"));
    }

    /** The problems found once {@code user} is also granted {@code operation} on {@code topic}. */
    private List<String> plantTopicAcl(String user, String topic, String operation) {
        return plant("KafkaUser", user, u -> ((ArrayNode) u.path("spec").path("authorization").path("acls")).addObject()
                .<ObjectNode>set("resource", Kustomize.YAML.createObjectNode().put("type", "topic").put("name", topic)
                        .put("patternType", "literal"))
                .set("operations", Kustomize.YAML.createArrayNode().add(operation)));
    }

    @Test
    void aRouteTheTableDoesNotHaveIsCaught() {
        // the old Ingress's defect: the verifier host routed only /verify; here one asset route goes missing
        assertThat(plant("HTTPRoute", "ikd-verifikasi", r -> ((ArrayNode) r.path("spec").path("rules")).remove(1)))
                .anyMatch(p -> p.contains("the table routes verifikasi.ikd.example.go.id exact /verify.js -> token-service, the HTTPRoutes do not"));
    }

    @Test
    void aRouteToTheWrongServiceIsCaught() {
        // the old Ingress's defect: identity revocations shadowed by verification-service's prefix
        assertThat(plant("HTTPRoute", "ikd-portal", r -> {
            for (JsonNode rule : r.path("spec").path("rules")) {
                if (rule.path("matches").get(0).path("path").path("value").asText().equals("/api/v1/operator/identity-revocations")) {
                    ((ObjectNode) rule.path("backendRefs").get(0)).put("name", "verification-service");
                }
            }
        })).anyMatch(p -> p.contains("/api/v1/operator/identity-revocations -> activation-service, the HTTPRoutes do not"));
    }

    @Test
    void aRouteToAMissingServicePortIsCaught() {
        assertThat(plant("HTTPRoute", "ikd-aktivasi", r -> ((ObjectNode) r.path("spec").path("rules").get(0).path("backendRefs").get(0)).put("port", 8083)))
                .anyMatch(p -> p.contains("HTTPRoute ikd-aktivasi sends to port 8083 of Service activation-service"));
    }

    @Test
    void aStreamWithARequestTimeoutIsCaught() {
        assertThat(plant("HTTPRoute", "ikd-api", r -> {
            for (JsonNode rule : r.path("spec").path("rules")) {
                if (rule.has("timeouts")) {
                    ((ObjectNode) rule).remove("timeouts");
                }
            }
        })).anyMatch(p -> p.contains("/api/v1/registrations -> registration-service stream, the HTTPRoutes do not"));
    }

    @Test
    void aKustomizationFieldTheBuildDoesNotImplementIsRefused() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kustomization");
        java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nhelmCharts:\n  - name: x\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kustomize.build(dir))
                .hasMessageContaining("'helmCharts'");
    }

    @Test
    void aPatchOutsideTheSubsetOrMissingItsTargetIsRefused() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kustomization");
        java.nio.file.Files.writeString(dir.resolve("map.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {A: x}\n");
        String kustomization = "resources: [map.yaml]\npatches:\n  - target: {kind: ConfigMap, name: %s}\n    %s\n";
        java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"), kustomization.formatted("m", "path: p.yaml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("inline JSON 6902");
        java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"),
                kustomization.formatted("m", "patch: '[{op: replace, path: /data/B, value: y}]'"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("does not exist");
        java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"),
                kustomization.formatted("other", "patch: '[{op: replace, path: /data/A, value: y}]'"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("matches no resource");
        java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"),
                kustomization.formatted("m", "patch: '[{op: replace, path: /data/A, value: y}]'"));
        org.assertj.core.api.Assertions.assertThat(Kustomize.build(dir).getFirst().path("data").path("A").asText()).isEqualTo("y");
    }
}
