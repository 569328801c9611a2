package id.go.dukcapil.ikd.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.go.dukcapil.ikd.testing.FreePorts;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The suite's infrastructure, but email goes to a port of the test's own: the test decides what
 * listens there (nothing: an outage; GreenMail; a server that refuses every mailbox).
 */
public class DedicatedSmtpProfile implements QuarkusTestProfile {

    static final String PORT_PROPERTY = "ikd.test.dedicated-smtp-port";

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DedicatedSmtpInfrastructure.class, Map.of("database", "notification")),
                new TestResourceEntry(NotificationTestResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // a new connection per message, so that each attempt meets whatever listens now
        return Map.of("quarkus.mailer.keep-alive", "false");
    }

    public static class DedicatedSmtpInfrastructure extends IkdTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            // chosen once per JVM: the test reads it back through the config
            String port = System.getProperty(PORT_PROPERTY, Integer.toString(FreePorts.next()));
            System.setProperty(PORT_PROPERTY, port);
            config.put("quarkus.mailer.port", port);
            config.put(PORT_PROPERTY, port);
            return config;
        }
    }
}
