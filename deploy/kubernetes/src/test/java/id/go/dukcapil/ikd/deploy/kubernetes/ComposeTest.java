package id.go.dukcapil.ikd.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** deploy/compose runs the images the build makes, behind a gateway generated from deploy/routes.yaml. */
class ComposeTest {

    private static final Path COMPOSE = Project.ROOT.resolve("deploy/compose");

    @Test
    void theGatewayRoutesExactlyTheTable() throws IOException {
        JsonNode table = Kustomize.readAll(Project.ROOT.resolve("deploy/routes.yaml")).getFirst();
        Map<String, Integer> ports = new LinkedHashMap<>();
        table.path("hosts").properties().forEach(h -> ports.put(h.getKey(), h.getValue().path("local-port").asInt()));
        String expected = ComposeGateway.caddyfile(Manifests.routeTable(), ports);
        Files.createDirectories(Project.KUBERNETES.resolve("target"));
        Files.writeString(Project.KUBERNETES.resolve("target/Caddyfile.expected"), expected);
        assertThat(Project.read(COMPOSE.resolve("Caddyfile"))).isEqualTo(expected);
    }

    @Test
    void theServicesRunTheImagesTheBuildMakesAndTheGatewayPublishesEachHostsPort() {
        JsonNode compose = Kustomize.readAll(COMPOSE.resolve("compose.yaml")).getFirst();
        JsonNode services = compose.path("services");
        for (String service : Project.SERVICES) {
            assertThat(services.path(service).path("image").asText())
                    .isEqualTo("dukcapil-ikd/" + service + ":${IKD_VERSION:-0.1.0-SNAPSHOT}");
        }
        JsonNode gateway = services.path("gateway");
        assertThat(gateway.path("volumes").toString()).contains("./Caddyfile:/etc/caddy/Caddyfile:ro");
        JsonNode table = Kustomize.readAll(Project.ROOT.resolve("deploy/routes.yaml")).getFirst();
        table.path("hosts").properties().forEach(h -> {
            int port = h.getValue().path("local-port").asInt();
            assertThat(gateway.path("ports").toString()).as(h.getKey()).contains("\"" + port + ":" + port + "\"");
        });
        // only the gateway publishes ports: the services are reached through the route table
        for (String service : Project.SERVICES) {
            assertThat(services.path(service).has("ports")).as(service).isFalse();
        }
    }

    @Test
    void theProducersPublishTheContactFreeEvents() {
        JsonNode services = Kustomize.readAll(COMPOSE.resolve("compose.yaml")).getFirst().path("services");
        // one release at once: every consumer reads .v2, so Kafka carries no email, phone or language
        assertThat(services.path("activation-service").path("environment").path("IKD_ACTIVATION_EVENTS_VERSION").asText())
                .isEqualTo("v2");
        // and the decision without registry attributes, whose approvals' card goes to activation alone
        assertThat(services.path("verification-service").path("environment").path("IKD_VERIFICATION_EVENTS_VERSION").asText())
                .isEqualTo("v3");
    }
}
