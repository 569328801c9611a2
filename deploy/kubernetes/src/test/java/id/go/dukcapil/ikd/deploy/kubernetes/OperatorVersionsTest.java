package id.go.dukcapil.ikd.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.strimzi.api.kafka.model.kafka.Kafka;

/**
 * The operator versions the manifests are written for are the ones the checks use and the ones
 * docs/operations.md tells people to install.
 */
class OperatorVersionsTest {

    static final String STRIMZI = "1.2.0";
    /** Kafka versions Strimzi 1.2.0 runs (its release notes: "Apache Kafka 4.3.1 support"). */
    static final Set<String> KAFKA_VERSIONS_OF_STRIMZI = Set.of("4.3.1");
    static final String CLOUDNATIVE_PG = "1.29.2";

    private static final String DOCS = Project.read(Project.ROOT.resolve("docs/operations.md"));

    @Test
    void strimziIsPinnedOnceForTheChecksAndTheDocs() {
        String pom = Project.read(Project.KUBERNETES.resolve("pom.xml"));
        assertThat(pom).contains("<strimzi.version>" + STRIMZI + "</strimzi.version>");
        assertThat(DOCS).contains("| Strimzi | **" + STRIMZI + "**").contains("strimzi-cluster-operator-" + STRIMZI + ".yaml");
        // Strimzi 1.x serves v1 only; the model the checks bind to says which versions it serves
        assertThat(Kafka.VERSIONS).containsExactly("v1");
    }

    @Test
    void theKafkaVersionIsOneTheOperatorRuns() {
        ObjectNode kafka = Manifests.build(Project.KUBERNETES.resolve("base")).stream()
                .filter(r -> r.path("kind").asText().equals("Kafka")).findFirst().orElseThrow();
        String version = kafka.path("spec").path("kafka").path("version").asText();
        assertThat(KAFKA_VERSIONS_OF_STRIMZI).contains(version);
        assertThat(DOCS).contains("| Apache Kafka (brokers) | **" + version + "**");
    }

    @Test
    void cloudNativePgIsAtLeast125WhereDatabaseExists() {
        Matcher pinned = Pattern.compile("\\| CloudNativePG \\| \\*\\*(\\d+)\\.(\\d+)\\.(\\d+)\\*\\*").matcher(DOCS);
        assertThat(pinned.find()).isTrue();
        assertThat(pinned.group(1) + "." + pinned.group(2) + "." + pinned.group(3)).isEqualTo(CLOUDNATIVE_PG);
        assertThat(Integer.parseInt(pinned.group(1)) * 100 + Integer.parseInt(pinned.group(2))).isGreaterThanOrEqualTo(125);
        assertThat(DOCS).contains("cnpg-" + CLOUDNATIVE_PG + ".yaml");
        assertThat(Project.read(Project.ROOT.resolve("deploy/kubernetes/src/test/resources/cloudnative-pg-fields.yaml")))
                .contains("CloudNativePG " + pinned.group(1) + "." + pinned.group(2) + " API");
    }

    @Test
    void theGatewayImplementationIsNamedAndIsTheGatewaysClass() {
        String gatewayClass = Manifests.build(Project.KUBERNETES.resolve("gateway")).stream()
                .filter(r -> r.path("kind").asText().equals("Gateway")).findFirst().orElseThrow()
                .path("spec").path("gatewayClassName").asText();
        assertThat(DOCS).contains("**Envoy Gateway**").contains("GatewayClass `" + gatewayClass + "`");
        for (String operator : List.of("Gateway API CRDs", "Prometheus Operator")) {
            assertThat(DOCS).contains("| " + operator + " |");
        }
    }
}
