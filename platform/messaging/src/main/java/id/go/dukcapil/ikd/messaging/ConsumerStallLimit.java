package id.go.dukcapil.ikd.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a service whose consumers would be closed for waiting as designed.
 *
 * <p>SmallRye's throttled commit strategy treats a record unacknowledged for longer than
 * {@code throttled.unprocessed-record-max-age.ms} (60 s unless set) as a stuck consumer: it
 * closes the Kafka consumer for good and reports the channel dead, and only a restart brings it
 * back. Our consumers wait on purpose: an event that needs one from another topic is retried for
 * {@code ikd.messaging.consumer.await-other-event} (2 min), and events wait out a database outage.
 * The platform sets the limit to 5 minutes; a limit at or below the awaited time is a
 * configuration that would kill a consumer on an ordinary late event, and is refused here with
 * the property to change. 0 (the check off) is allowed.
 */
@ApplicationScoped
public class ConsumerStallLimit {

    static final String PROPERTY = "throttled.unprocessed-record-max-age.ms";
    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";
    private static final String INCOMING = "mp.messaging.incoming.";

    private final Config config;
    private final MessagingConfig messaging;

    ConsumerStallLimit(Config config, MessagingConfig messaging) {
        this.config = config;
        this.messaging = messaging;
    }

    void check(@Observes StartupEvent started) {
        String problem = problem(limits(), messaging.consumer().awaitOtherEvent());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Each configured limit by the property that sets it (connector-wide and per channel). */
    private Map<String, Long> limits() {
        Map<String, Long> limits = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.endsWith("." + PROPERTY) && (name.startsWith(CONNECTOR) || name.startsWith(INCOMING))) {
                config.getOptionalValue(name, Long.class).ifPresent(limit -> limits.put(name, limit));
            }
        }
        return limits;
    }

    /** Null when every limit is off or longer than the awaited time; else what to change. */
    static String problem(Map<String, Long> limits, Duration awaitOtherEvent) {
        Map<String, Long> tooShort = limits.entrySet().stream()
                .filter(limit -> limit.getValue() > 0 && limit.getValue() <= awaitOtherEvent.toMillis())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        if (tooShort.isEmpty()) {
            return null;
        }
        return "Kafka consumers would be closed while an event waits as designed: " + tooShort
                + " is not longer than ikd.messaging.consumer.await-other-event (" + awaitOtherEvent
                + "); set it above that, or to 0 to turn the check off";
    }
}
