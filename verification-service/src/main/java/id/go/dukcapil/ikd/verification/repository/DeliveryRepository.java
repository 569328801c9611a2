package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.NotificationStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The latest delivery status of each message to a citizen (table message_delivery). */
@ApplicationScoped
public class DeliveryRepository {

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** One message's latest status, as the case page shows it. */
    public record Delivery(UUID notificationId, String kind, String channel, String status, String reason,
            int attempt, String recipientMasked, Instant firstAt, Instant lastAt) {
    }

    /**
     * Records a status; a redelivered or older status (an attempt that arrives after a later one)
     * changes nothing, so the row always holds the message's latest attempt.
     */
    public Uni<Void> record(NotificationStatus status) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into message_delivery (notification_id, registration_id, kind, channel, status, reason, attempt,
                    recipient_masked, first_at, last_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                on conflict (notification_id) do update set status = excluded.status, reason = excluded.reason,
                    attempt = excluded.attempt, last_at = excluded.last_at,
                    first_at = least(message_delivery.first_at, excluded.first_at)
                where (excluded.attempt, excluded.last_at) >= (message_delivery.attempt, message_delivery.last_at)""")
                .setParameter(1, status.notificationId())
                .setParameter(2, status.registrationId())
                .setParameter(3, status.kind())
                .setParameter(4, status.channel().name())
                .setParameter(5, status.status().name())
                .setParameter(6, status.reason())
                .setParameter(7, status.attempt())
                .setParameter(8, status.recipientMasked())
                .setParameter(9, status.at().atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** Every message to the citizen of a registration, oldest first (a read outside any transaction). */
    public Uni<List<Delivery>> ofRegistration(UUID registrationId) {
        return pool.preparedQuery("""
                select notification_id, kind, channel, status, reason, attempt, recipient_masked, first_at, last_at
                from message_delivery where registration_id = $1 order by first_at, notification_id""")
                .execute(Tuple.of(registrationId))
                .map(rows -> {
                    List<Delivery> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Delivery(r.getUUID("notification_id"), r.getString("kind"),
                            r.getString("channel"), r.getString("status"), r.getString("reason"),
                            r.getInteger("attempt"), r.getString("recipient_masked"),
                            r.getOffsetDateTime("first_at").toInstant(), r.getOffsetDateTime("last_at").toInstant())));
                    return list;
                });
    }

    /** Removes a registration's messages (the citizen withdrew and asked for erasure). */
    public Uni<Void> forget(UUID registrationId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from message_delivery where registration_id = ?1")
                .setParameter(1, registrationId).executeUpdate()).replaceWithVoid();
    }
}
