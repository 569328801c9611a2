package id.go.dukcapil.ikd.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka, in id order, and marks what the broker acknowledged.
 *
 * <p>Several replicas may run the relay: each round takes a transaction-scoped advisory lock, so
 * only one replica publishes at a time (which also keeps each key's events in order across
 * replicas), and rows are selected {@code FOR UPDATE SKIP LOCKED} as a second guard. The oldest
 * event of a round is sent alone first, so that no event overtakes one that is still waiting for
 * the broker; only the longest acknowledged prefix of a batch is marked: an event after a failed
 * one is sent again later, which idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay ("IKDOUTBX"): one per database, and each service has its own. */
    private static final long RELAY_LOCK = 0x494B444F55544258L;

    private static final String SELECT_PENDING = """
            select id, event_id, topic, message_key, event_type, subject, payload, traceparent, created_at
            from ikd_outbox where published_at is null order by id limit $1 for update skip locked""";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final MessagingConfig config;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean roundRunning = new AtomicBoolean();
    private final AtomicBoolean roundRequested = new AtomicBoolean();

    public OutboxRelay(Pool pool,
            @Channel("ikd-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) MutinyEmitter<String> emitter, MessagingConfig config,
            MeterRegistry registry) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.published = Counter.builder("ikd.outbox.published").description("Events the relay published")
                .register(registry);
        this.failed = Counter.builder("ikd.outbox.publish.failures")
                .description("Publish attempts the broker did not acknowledge").register(registry);
        registry.gauge("ikd.outbox.pending", pending);
    }

    @Scheduled(every = "${ikd.messaging.outbox.poll-interval:1s}", delayed = "${ikd.messaging.outbox.poll-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelayDisabled.class)
    void scheduledRound() {
        wakeUp();
    }

    /**
     * Runs a relay round now, or right after the one in progress: wake-ups that arrive during a
     * round fold into one more round, so a burst of commits never queues a round per event.
     */
    public void wakeUp() {
        if (!emitter.hasRequests()) {
            // the Kafka connector has not subscribed yet (start-up) or is saturated: the next wake-up retries
            return;
        }
        if (!roundRunning.compareAndSet(false, true)) {
            roundRequested.set(true);
            return;
        }
        publishPending()
                .onFailure().invoke(e -> LOG.warnf("outbox relay round failed: %s", e.getMessage()))
                .onFailure().recoverWithItem(0)
                .subscribe().with(published -> {
                    roundRunning.set(false);
                    // a full batch means more may be waiting
                    if (roundRequested.getAndSet(false) || published >= config.outbox().batchSize()) {
                        wakeUp();
                    }
                });
    }

    /**
     * One relay round: publishes up to a batch of pending events. Returns how many were
     * published, 0 when another replica holds the relay lock.
     */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? publishLocked(connection)
                        : Uni.createFrom().item(0)))
                // counted after the commit, on another connection: counted inside the round, the rows it
                // had just marked still looked unpublished, and an idle service reported its last batch
                .call(this::refreshPending);
    }

    private Uni<Integer> publishLocked(SqlConnection connection) {
        return connection.preparedQuery(SELECT_PENDING).execute(Tuple.of(config.outbox().batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // the oldest event goes first and alone: while the broker is away, a send waits for
                    // metadata until it times out, and a later send that happens to find the broker back
                    // would overtake it; once one is acknowledged, the rest go together
                    return send(batch.get(0)).chain(first -> {
                        if (first != null || batch.size() == 1) {
                            return record(connection, batch.subList(0, 1), Collections.singletonList(first));
                        }
                        List<Uni<Throwable>> sends = batch.subList(1, batch.size()).stream().map(this::send).toList();
                        return Uni.join().all(sends).andFailFast().chain(rest -> {
                            List<Throwable> outcomes = new ArrayList<>(batch.size());
                            outcomes.add(null);
                            outcomes.addAll(rest);
                            return record(connection, batch, outcomes);
                        });
                    });
                });
    }

    /** Sends one row; the item is null when the broker acknowledged it, the failure otherwise. */
    private Uni<Throwable> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        String traceparent = row.getString("traceparent");
        if (traceparent != null) {
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .withHeaders(headers)
                .build();
        String type = row.getString("event_type");
        var cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.getUUID("event_id").toString())
                .withType(type)
                .withSource(URI.create(config.source()))
                .withSubject(row.getString("subject"))
                .withDataContentType("application/json")
                .withTimestamp(row.getOffsetDateTime("created_at").toZonedDateTime());
        // the contracts' schema travels with them; a dead letter (no contract) has none
        EventType.fromType(type).ifPresent(contract -> cloudEvent.withDataSchema(contract.dataSchema()));
        Message<String> message = Message.of(row.getString("payload")).addMetadata(kafka).addMetadata(cloudEvent.build());
        return emitter.sendMessage(message)
                .replaceWith((Throwable) null)
                .onFailure().recoverWithItem(e -> e);
    }

    private Uni<Integer> record(SqlConnection connection, List<Row> batch, List<Throwable> outcomes) {
        List<Long> acknowledged = new ArrayList<>();
        int firstFailure = -1;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != null) {
                firstFailure = i;
                break;
            }
            acknowledged.add(batch.get(i).getLong("id"));
        }
        published.increment(acknowledged.size());
        Uni<Void> markPublished = acknowledged.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("update ikd_outbox set published_at = now() where id = any($1)")
                        .execute(Tuple.of(acknowledged.toArray(Long[]::new))).replaceWithVoid();
        if (firstFailure < 0) {
            return markPublished.replaceWith(acknowledged.size());
        }
        failed.increment();
        Row failedRow = batch.get(firstFailure);
        String error = String.valueOf(outcomes.get(firstFailure).getMessage());
        LOG.warnf("outbox event %s (%s) not acknowledged by Kafka, will retry: %s",
                failedRow.getUUID("event_id"), failedRow.getString("event_type"), error);
        return markPublished
                .chain(() -> connection.preparedQuery(
                        "update ikd_outbox set attempts = attempts + 1, last_error = $2 where id = $1")
                        .execute(Tuple.of(failedRow.getLong("id"), truncate(error))))
                .replaceWith(acknowledged.size());
    }

    private Uni<Void> refreshPending() {
        return pool.query("select count(*) from ikd_outbox where published_at is null").execute()
                .invoke(rows -> pending.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid();
    }

    /**
     * Lets a deployment run the relay on some replicas only; also skips rounds until start-up has
     * completed, since the Kafka channel is not wired before.
     */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        private final MessagingConfig config;
        private final Scheduled.ApplicationNotRunning notRunning;

        public RelayDisabled(MessagingConfig config, Scheduled.ApplicationNotRunning notRunning) {
            this.config = config;
            this.notRunning = notRunning;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.outbox().relayEnabled() || notRunning.test(execution);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** For tests and ops tooling: ids of events not yet published. */
    public Uni<List<UUID>> pendingEventIds() {
        return pool.query("select event_id from ikd_outbox where published_at is null order by id").execute()
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }
}
