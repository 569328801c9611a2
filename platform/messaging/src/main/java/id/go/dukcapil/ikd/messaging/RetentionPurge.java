package id.go.dukcapil.ikd.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes or anonymises personal data past its retention period, in bounded batches, for every
 * service. A {@link Step} is one statement that takes the cutoff as {@code $1} and the batch size
 * as {@code $2}, bounds itself with a {@code limit $2 ... for update skip locked} subquery and
 * leaves rows it already handled out of that subquery: each batch then commits on its own (no
 * giant transaction), a second replica takes other rows instead of waiting, and a repeated run
 * changes nothing. Rows handled are counted in {@code ikd_retention_purged_total{table=...}}.
 */
@ApplicationScoped
public class RetentionPurge {

    static final String PURGED = "ikd.retention.purged";

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final Pool pool;
    private final MeterRegistry registry;
    private final RetentionConfig config;

    public RetentionPurge(Pool pool, MeterRegistry registry, RetentionConfig config) {
        this.pool = pool;
        this.registry = registry;
        this.config = config;
    }

    /**
     * One table's rule: {@code statement} handles rows older than {@code cutoff}.
     *
     * @param table the table named in the metric
     * @param statement a bounded delete or update ($1 = cutoff, $2 = batch size)
     * @param cutoff rows whose period ended before this instant are due
     */
    public record Step(String table, String statement, Instant cutoff) {
    }

    /** Runs the steps in order (children before parents); rows handled per table. */
    public Uni<Map<String, Long>> run(List<Step> steps) {
        Map<String, Long> handled = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Step step : steps) {
            chain = chain.chain(() -> batches(step, 0, 0L)).invoke(n -> handled.merge(step.table(), n, Long::sum))
                    .replaceWithVoid();
        }
        return chain.map(ignored -> {
            long total = handled.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0) {
                LOG.infof("retention: %s", handled);
            }
            return handled;
        });
    }

    /** What a scheduled job calls: runs the steps if enabled, logs and swallows a failure. */
    public Uni<Void> runScheduled(List<Step> steps) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return run(steps).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("retention job failed, the next run resumes: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Long> batches(Step step, int done, long total) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(step.cutoff(), ZoneOffset.UTC);
        return pool.preparedQuery(step.statement()).execute(Tuple.of(cutoff, config.batchSize()))
                .chain(rows -> {
                    int count = rows.rowCount();
                    counter(step.table()).increment(count);
                    long sum = total + count;
                    if (count < config.batchSize() || done + 1 >= config.maxBatches()) {
                        return Uni.createFrom().item(sum);
                    }
                    return batches(step, done + 1, sum);
                });
    }

    /** Registers a table's counter at 0, so that a rate over it has a first sample. */
    public Counter counter(String table) {
        return Counter.builder(PURGED)
                .description("Rows deleted or anonymised by the retention job, per table")
                .tag("table", table)
                .register(registry);
    }
}
