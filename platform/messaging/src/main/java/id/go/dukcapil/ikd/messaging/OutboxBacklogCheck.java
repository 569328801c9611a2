package id.go.dukcapil.ikd.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Whether the service's events reach Kafka: DOWN when the oldest unpublished outbox event has
 * waited longer than {@code ikd.messaging.outbox.backlog-alarm} (a broker outage, a stuck relay).
 * It is in the health group {@code messaging} ({@code /q/health/group/messaging}) and not in
 * readiness on purpose: while the outbox absorbs a Kafka outage the service's API keeps working,
 * so taking every pod out of service would turn a broker problem into a full outage.
 */
@HealthGroup("messaging")
@ApplicationScoped
public class OutboxBacklogCheck implements AsyncHealthCheck {

    private static final String OLDEST_PENDING = """
            select count(*) as pending,
                   coalesce(extract(epoch from now() - min(created_at)), 0) as oldest_seconds
            from ikd_outbox where published_at is null""";

    private final Pool pool;
    private final MessagingConfig config;

    public OutboxBacklogCheck(Pool pool, MessagingConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Duration alarm = config.outbox().backlogAlarm();
        return pool.query(OLDEST_PENDING).execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long pending = row.getLong("pending");
                    double oldest = row.getNumeric("oldest_seconds").doubleValue();
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox reaches Kafka")
                            .withData("pending", pending).withData("oldestPendingSeconds", Math.round(oldest))
                            .withData("alarmSeconds", alarm.toSeconds());
                    return (oldest > alarm.toSeconds() ? response.down() : response.up()).build();
                })
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("Outbox reaches Kafka").down()
                        .withData("error", failure.getClass().getSimpleName()).build());
    }
}
