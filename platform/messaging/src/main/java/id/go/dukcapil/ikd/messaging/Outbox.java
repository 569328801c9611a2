package id.go.dukcapil.ikd.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IkdEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes events into the outbox table inside the caller's current Hibernate Reactive transaction,
 * so that an event exists if and only if the state change it describes was committed. Call it
 * from a {@code @WithTransaction} service method; the relay publishes the event afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into ikd_outbox (event_id, topic, message_key, event_type, subject, payload, traceparent)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""";

    /** Appends {@code event}; returns its CloudEvents id. */
    public Uni<UUID> append(IkdEvent event) {
        EventType type = EventType.of(event.getClass());
        UUID eventId = UUID.randomUUID();
        String payload = EventJson.write(event);
        String traceparent = currentTraceparent();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, eventId)
                .setParameter(2, type.topic())
                .setParameter(3, event.partitionKey())
                .setParameter(4, type.type())
                .setParameter(5, event.partitionKey())
                .setParameter(6, payload)
                .setParameter(7, traceparent)
                .executeUpdate())
                .replaceWith(eventId);
    }

    /** W3C {@code traceparent} of the current span, so one citizen's journey stays one trace. */
    static String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
