package id.go.dukcapil.ikd.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The one retention job of a service: every {@link RetentionRules} bean (the outbox and inbox of
 * {@link MessagingRetention}, and the service's own tables) purged in bounded batches by
 * {@link RetentionPurge}, every {@code ikd.retention.interval}. The clock is injected so that
 * tests can run it "in 400 days" with {@link #purgeAsOf}.
 */
@Startup
@ApplicationScoped
public class RetentionJob {

    private final RetentionPurge purge;
    private final List<RetentionRules> rules;
    private final Clock clock;

    public RetentionJob(RetentionPurge purge, @All List<RetentionRules> rules, Clock clock) {
        this.purge = purge;
        this.rules = rules;
        this.clock = clock;
        // every table's counter exists at 0 from the start, so "nothing purged" shows as 0
        steps(Instant.EPOCH).forEach(step -> purge.counter(step.table()));
    }

    @Scheduled(every = "${ikd.retention.interval:1h}", delayed = "3m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge.runScheduled(steps(clock.instant()));
    }

    /** One run as of {@code now}: rows purged per table. */
    public Uni<Map<String, Long>> purgeAsOf(Instant now) {
        return purge.run(steps(now));
    }

    private List<RetentionPurge.Step> steps(Instant now) {
        return rules.stream().flatMap(rule -> rule.steps(now).stream()).toList();
    }
}
