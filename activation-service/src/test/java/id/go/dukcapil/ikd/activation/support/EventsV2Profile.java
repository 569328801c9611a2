package id.go.dukcapil.ikd.activation.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** activation-service after the switch: it publishes its events as {@code .v2} (docs/operations.md, Upgrade). */
public class EventsV2Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ikd.activation.events.version", "v2");
    }
}
