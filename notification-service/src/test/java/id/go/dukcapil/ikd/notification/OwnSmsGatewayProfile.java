package id.go.dukcapil.ikd.notification;

import java.util.List;
import java.util.Map;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The suite's infrastructure and a WireMock SMS gateway of the profile's own, with no bearer
 * token: each subclass configures the request template and credentials of another kind of gateway.
 */
public abstract class OwnSmsGatewayProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(IkdTestResource.class, Map.of("database", "notification")),
                new TestResourceEntry(NotificationTestResource.class, Map.of("sms-bearer-token", "false")));
    }

    @Override
    public abstract Map<String, String> getConfigOverrides();
}
