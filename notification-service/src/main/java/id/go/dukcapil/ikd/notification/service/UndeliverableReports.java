package id.go.dukcapil.ikd.notification.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import id.go.dukcapil.ikd.notification.domain.UndeliverableReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Reports a message that failed for good on the dead-letter topic, through the platform's outbox in
 * the caller's transaction, the one that records the FAILED status: the report exists if and only
 * if the failure was committed, and the platform's relay publishes it (CloudEvents binary mode,
 * keyed by registration id) like any event. These are undeliverable messages, a delivery outcome;
 * the platform's dead letters are events this service could not read. They share the topic ops
 * watch, and have their own type and counter.
 */
@Startup
@ApplicationScoped
public class UndeliverableReports {

    /**
     * CloudEvents type of these reports. Poison events on the same topic keep the type they
     * arrived with; no consumer knows this type, so a record replayed by mistake is skipped.
     */
    public static final String TYPE = EventType.TYPE_PREFIX + "notification.undeliverable.v1";

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final Outbox outbox;
    private final String topic;
    private final Counter undeliverable;

    public UndeliverableReports(Outbox outbox, NotificationConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.topic = config.deadLetterTopic();
        // registered at start-up, so that an alert on its rate sees the first report after a restart
        this.undeliverable = registry.counter("ikd.notifications.undeliverable");
    }

    /** Inside a Hibernate Reactive transaction; returns the report's CloudEvents id. */
    public Uni<UUID> append(UndeliverableReport letter) {
        return outbox.append(new Outbox.Record(topic, letter.registrationId().toString(), TYPE, write(letter)))
                .invoke(() -> undeliverable.increment());
    }

    public String topic() {
        return topic;
    }

    private static String write(UndeliverableReport letter) {
        try {
            return JSON.writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            // a record of plain values always serialises
            throw new IllegalStateException("dead letter not serialisable", e);
        }
    }
}
