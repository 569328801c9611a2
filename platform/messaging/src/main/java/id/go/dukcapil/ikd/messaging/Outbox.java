package id.go.dukcapil.ikd.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IkdEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes events into the outbox table inside the caller's current transaction, so that an event
 * exists if and only if the state change it describes was committed; the relay publishes the
 * event afterwards. Call it from a {@code @WithTransaction} service method (Hibernate Reactive), or
 * with the connection of a transaction on the Vert.x SQL client (hot paths that skip the ORM).
 */
@ApplicationScoped
public class Outbox {

    private static final String TABLE = "ikd_outbox (event_id, topic, message_key, event_type, subject, payload, traceparent)";
    private static final String INSERT_IN_SESSION = "insert into " + TABLE + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    private static final String INSERT_ON_CONNECTION = "insert into " + TABLE + " values ($1, $2, $3, $4, $5, $6, $7)";

    /** Appends {@code event} in the current Hibernate Reactive transaction; returns its CloudEvents id. */
    public Uni<UUID> append(IkdEvent event) {
        return append(Record.of(event));
    }

    /**
     * A row of the outbox that is not necessarily one of the suite's event contracts, such as a
     * service's dead letter on the dead-letter topic: where it goes, its key (also the CloudEvents
     * subject), its CloudEvents type and its JSON.
     */
    public record Record(String topic, String key, String type, String payload) {

        static Record of(IkdEvent event) {
            EventType type = EventType.of(event.getClass());
            return new Record(type.topic(), event.partitionKey(), type.type(), EventJson.write(event));
        }
    }

    /** Appends {@code record} in the current Hibernate Reactive transaction; returns its CloudEvents id. */
    public Uni<UUID> append(Record record) {
        Object[] row = row(record, currentTraceparent());
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(INSERT_IN_SESSION);
            for (int i = 0; i < row.length; i++) {
                insert.setParameter(i + 1, row[i]);
            }
            return insert.executeUpdate();
        }).replaceWith((UUID) row[0]);
    }

    /** An event with the trace of the request it belongs to, taken when that request was still current. */
    public record TracedEvent(IkdEvent event, String traceparent) {
    }

    /**
     * Appends {@code events} in the transaction that {@code connection} is in, in one round trip
     * (a hot path's group commit, where the round runs outside each request's trace); returns their
     * CloudEvents ids in the same order.
     */
    public Uni<List<UUID>> appendAll(SqlConnection connection, List<TracedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Tuple> rows = new ArrayList<>(events.size());
        List<UUID> ids = new ArrayList<>(events.size());
        for (TracedEvent traced : events) {
            Object[] row = row(Record.of(traced.event()), traced.traceparent());
            rows.add(Tuple.from(row));
            ids.add((UUID) row[0]);
        }
        return connection.preparedQuery(INSERT_ON_CONNECTION).executeBatch(rows).replaceWith(ids);
    }

    /** The values of the outbox columns, in {@link #TABLE}'s order. */
    private static Object[] row(Record record, String traceparent) {
        return new Object[] { UUID.randomUUID(), record.topic(), record.key(), record.type(), record.key(), record.payload(),
                traceparent };
    }

    /** W3C {@code traceparent} of the current span, so one citizen's journey stays one trace. */
    public static String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
