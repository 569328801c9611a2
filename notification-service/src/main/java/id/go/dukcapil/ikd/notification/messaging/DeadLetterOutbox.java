package id.go.dukcapil.ikd.notification.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Writes a dead letter into the platform's outbox table in the caller's transaction, the one that
 * records the FAILED status: the dead letter exists if and only if the failure was committed, and
 * the platform's relay publishes it (CloudEvents binary mode, keyed by registration id) like any
 * event.
 */
@ApplicationScoped
public class DeadLetterOutbox {

    /**
     * CloudEvents type of these dead letters. Poison events on the same topic keep the type they
     * arrived with; no consumer knows this type, so a record replayed by mistake is skipped.
     */
    public static final String TYPE = EventType.TYPE_PREFIX + "notification.dead-letter.v1";

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final Outbox outbox;
    private final String topic;
    private final Counter deadLettered;

    public DeadLetterOutbox(Outbox outbox, NotificationConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.topic = config.deadLetterTopic();
        // the platform's counter for this service's poison events: one alert covers both
        this.deadLettered = registry.counter("ikd.events.dead.lettered", "consumer", CitizenEventsConsumer.CONSUMER);
    }

    /** Inside a Hibernate Reactive transaction; returns the dead letter's CloudEvents id. */
    public Uni<UUID> append(NotificationDeadLetter letter) {
        return outbox.append(new Outbox.Record(topic, letter.registrationId().toString(), TYPE, write(letter)))
                .invoke(() -> deadLettered.increment());
    }

    public String topic() {
        return topic;
    }

    private static String write(NotificationDeadLetter letter) {
        try {
            return JSON.writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            // a record of plain values always serialises
            throw new IllegalStateException("dead letter not serialisable", e);
        }
    }
}
