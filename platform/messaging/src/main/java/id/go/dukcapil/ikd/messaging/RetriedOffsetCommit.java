package id.go.dukcapil.ikd.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.ContextHolder;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * SmallRye's throttled commit strategy, plus a retry of commits that failed.
 *
 * <p>The throttled strategy takes a partition's processed offsets out of its store when it commits
 * them, and a commit that fails (the broker is away) is only logged: nothing puts them back. A
 * partition that gets no record after the outage then keeps its old committed offset until its next
 * record or a rebalance, so its lag stays above zero with no work left (the {@code IkdConsumerLag}
 * alert fires) and a restart delivers its last records again. This handler lets the library do all
 * the bookkeeping and only watches each partition: once it is quiet (every record it received has
 * been acknowledged and none arrived for one interval), it reads the group's committed offset and,
 * if it is behind, commits the next offset to read; a failure is tried again at the next interval.
 * Quiet partitions cost one read per burst of traffic; busy ones are left to the library. A
 * committed-offset read of the library's that times out is tried again (see {@link #received}).
 */
public final class RetriedOffsetCommit extends ContextHolder implements KafkaCommitHandler {

    static final String STRATEGY = "ikd-throttled";
    private static final Logger LOG = Logger.getLogger(RetriedOffsetCommit.class);
    private static final Duration FIRST_LOOKUP_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_LOOKUP_RETRY = Duration.ofSeconds(5);

    private final KafkaCommitHandler library;
    private final KafkaConsumer<?, ?> consumer;
    private final int interval;
    private final Map<TopicPartition, Progress> partitions = new ConcurrentHashMap<>();
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private volatile long timerId = -1;
    /** One reconciliation at a time; only touched on the captured context. */
    private boolean reconciling;

    RetriedOffsetCommit(KafkaCommitHandler library, Vertx vertx, KafkaConsumer<?, ?> consumer,
            int interval, int defaultTimeout) {
        super(vertx, defaultTimeout);
        this.library = library;
        this.consumer = consumer;
        this.interval = interval;
    }

    /** Selected with {@code commit-strategy=ikd-throttled}; wraps the library's throttled strategy. */
    @ApplicationScoped
    @Identifier(STRATEGY)
    public static class Factory implements KafkaCommitHandler.Factory {

        private final KafkaCommitHandler.Factory throttled;

        Factory(@Identifier(KafkaCommitHandler.Strategy.THROTTLED) KafkaCommitHandler.Factory throttled) {
            this.throttled = throttled;
        }

        @Override
        public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            int interval = config.config().getOptionalValue(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, Integer.class)
                    .orElse(5000);
            int timeout = config.config().getOptionalValue(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.class)
                    .orElse(60000);
            return new RetriedOffsetCommit(throttled.create(config, vertx, consumer, reportFailure), vertx, consumer,
                    interval, timeout);
        }
    }

    @Override
    public void capture(Context context) {
        super.capture(context);
        if (library instanceof ContextHolder holder) {
            holder.capture(context);
        }
    }

    @Override
    public void capture(io.vertx.core.Context context) {
        capture(Context.newInstance(context));
    }

    @Override
    public <K, V> Multi<IncomingKafkaRecord<K, V>> decorateStream(Multi<IncomingKafkaRecord<K, V>> consumed) {
        return library.decorateStream(consumed);
    }

    /**
     * The library reads a partition's committed offset when the partition's first record arrives
     * after an assignment, bounded by the consumer's API timeout. Right after a broker restart the
     * group coordinator may still be loading its offsets; the library's timeout then fails the
     * channel's stream for good (the service stops reading until it is restarted). The read is
     * tried again instead, on the captured context, while the record waits.
     */
    @Override
    public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
        progress(record).received();
        return Uni.createFrom().deferred(() -> library.received(record))
                .runSubscriptionOn(this::runOnContext)
                .onFailure(RetriableException.class).invoke(failure -> LOG.warnf(
                        "The committed offset of %s-%d not read yet (%s); reading it again",
                        record.getTopic(), record.getPartition(), failure.getMessage()))
                .onFailure(RetriableException.class).retry()
                .withBackOff(FIRST_LOOKUP_RETRY, LAST_LOOKUP_RETRY).indefinitely();
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        progress(record).acknowledged(record.getOffset());
        return library.handle(record);
    }

    @Override
    public void partitionsAssigned(Collection<TopicPartition> assignedNow) {
        assigned.addAll(assignedNow);
        library.partitionsAssigned(assignedNow);
        if (timerId < 0) {
            timerId = vertx.setPeriodic(interval, id -> runOnContext(this::reconcile));
        }
    }

    @Override
    public void partitionsRevoked(Collection<TopicPartition> revoked) {
        assigned.removeAll(revoked);
        library.partitionsRevoked(revoked);
    }

    @Override
    public void terminate(boolean graceful) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        library.terminate(graceful);
    }

    private Progress progress(IncomingKafkaRecord<?, ?> record) {
        return partitions.computeIfAbsent(new TopicPartition(record.getTopic(), record.getPartition()),
                partition -> new Progress());
    }

    /** Commits the quiet partitions whose committed offset is behind what was processed. */
    private void reconcile() {
        if (reconciling) {
            return;
        }
        Map<TopicPartition, Long> quiet = new java.util.HashMap<>();
        partitions.forEach((partition, progress) -> {
            long next = progress.quietAndUnconfirmed();
            if (next >= 0 && assigned.contains(partition)) {
                quiet.put(partition, next);
            }
        });
        if (quiet.isEmpty()) {
            return;
        }
        reconciling = true;
        consumer.committed(quiet.keySet().toArray(TopicPartition[]::new))
                .chain(committed -> {
                    Map<TopicPartition, OffsetAndMetadata> behind = new java.util.HashMap<>();
                    quiet.forEach((partition, next) -> {
                        OffsetAndMetadata current = committed.get(partition);
                        if (current == null || current.offset() < next) {
                            behind.put(partition, new OffsetAndMetadata(next));
                        }
                    });
                    if (behind.isEmpty()) {
                        return Uni.createFrom().item(Map.<TopicPartition, OffsetAndMetadata> of());
                    }
                    return consumer.commit(behind).replaceWith(behind);
                })
                .emitOn(this::runOnContext)
                .subscribe().with(
                        behind -> {
                            quiet.forEach((partition, next) -> partitions.get(partition).confirmed(next));
                            if (!behind.isEmpty()) {
                                LOG.infof("Committed the offsets of %d quiet partition(s) whose last commit had failed",
                                        behind.size());
                            }
                            reconciling = false;
                        },
                        failure -> {
                            LOG.debugf("Offsets of quiet partitions not committed yet, tried again in %d ms: %s",
                                    interval, failure.getMessage());
                            reconciling = false;
                        });
    }

    /** What one partition received and acknowledged; counters are shared with Kafka's threads. */
    private static final class Progress {
        private final AtomicLong inFlight = new AtomicLong();
        private final AtomicLong lastAcknowledged = new AtomicLong(-1);
        /** Read and written on the captured context only. */
        private long seenAtLastTick = -1;
        private long confirmedNext = -1;

        void received() {
            inFlight.incrementAndGet();
        }

        void acknowledged(long offset) {
            lastAcknowledged.accumulateAndGet(offset, Math::max);
            inFlight.decrementAndGet();
        }

        /** The next offset to commit, or -1 while records are in flight, still arriving, or confirmed. */
        long quietAndUnconfirmed() {
            long last = lastAcknowledged.get();
            boolean quiet = inFlight.get() <= 0 && last == seenAtLastTick;
            seenAtLastTick = last;
            return quiet && last >= 0 && last + 1 != confirmedNext ? last + 1 : -1;
        }

        void confirmed(long next) {
            confirmedNext = next;
        }
    }
}
