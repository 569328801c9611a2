package id.go.dukcapil.ikd.notification;

import java.util.HashMap;
import java.util.Map;

/** As {@link DedicatedSmtpProfile}, with a retry window of about a second: 3 attempts, 200 ms then 400 ms apart. */
public class RetriesRunOutProfile extends DedicatedSmtpProfile {

    static final int MAX_ATTEMPTS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("ikd.notification.retry.max-attempts", Integer.toString(MAX_ATTEMPTS));
        config.put("ikd.notification.retry.initial-backoff", "200ms");
        config.put("ikd.notification.retry.max-backoff", "400ms");
        return config;
    }
}
