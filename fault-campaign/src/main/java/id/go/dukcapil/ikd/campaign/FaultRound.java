package id.go.dukcapil.ikd.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.TopicPartition;

/**
 * One round: journeys start, spread over {@code rampUp}; after {@code faultAfter} the fault is
 * injected and, after its outage, repaired; the round then measures how long the suite takes to
 * be healthy and caught up again, waits for every journey, lets the backlog drain and counts.
 */
final class FaultRound {

    /** How a round is paced. {@code journeyBudget}: how long journeys may still take once the fault is repaired. */
    record Pace(Duration rampUp, Duration faultAfter, Duration journeyBudget, Duration settle) {
    }

    /** No round runs longer than this, whatever the fault. */
    private static final Duration MAX_ROUND = Duration.ofMinutes(20);

    private final CampaignSuite suite;
    private final Pace pace;

    FaultRound(CampaignSuite suite, Pace pace) {
        this.suite = suite;
        this.pace = pace;
    }

    RoundResult run(Fault fault, List<Citizen> citizens) throws Exception {
        ClientErrors errors = new ClientErrors();
        CampaignHttp http = new CampaignHttp(errors);
        Desks desks = new Desks(suite, http);
        // until the fault is repaired the journeys wait as long as it takes (bounded); then journeyBudget more
        AtomicLong journeyDeadline = new AtomicLong(System.nanoTime() + MAX_ROUND.toNanos());
        try (Backlog backlog = new Backlog(suite); HealthWatch health = new HealthWatch(suite);
                ExecutorService journeys = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<TopicPartition, Long> before = backlog.endOffsets();
            List<Future<JourneyResult>> running = new ArrayList<>();
            Thread starter = Thread.ofVirtual().start(() -> {
                long spacing = pace.rampUp().toNanos() / Math.max(1, citizens.size());
                for (Citizen citizen : citizens) {
                    synchronized (running) {
                        running.add(journeys.submit(new CitizenJourney(citizen, suite, http, desks, journeyDeadline::get)));
                    }
                    Pause.of(Duration.ofNanos(spacing));
                }
            });
            Pause.of(pace.faultAfter());
            log("%s: injecting", fault.name());
            String injectionFailure = "";
            try {
                fault.inject(suite.faults());
                Pause.of(fault.outage());
                fault.restore(suite.faults());
            } catch (RuntimeException e) {
                injectionFailure = "injecting or repairing the fault failed: " + e.getMessage();
                log("%s", injectionFailure);
            }
            long faultEnd = System.nanoTime();
            Instant faultEndedAt = Instant.now();
            journeyDeadline.set(faultEnd + pace.journeyBudget().toNanos());
            log("%s: repaired; waiting for the suite to recover", fault.name());
            Duration recovery = awaitRecovery(backlog, health, faultEnd, faultEndedAt, journeyDeadline.get());
            log("recovered after %s", recovery == null ? "(not within the bound)" : recovery);
            starter.join();
            List<JourneyResult> results = new ArrayList<>();
            synchronized (running) {
                for (Future<JourneyResult> journey : running) {
                    results.add(journey.get());
                }
            }
            settle(backlog);
            Map<TopicPartition, Long> after = backlog.endOffsets();
            Audit.Counts counts = Audit.of(suite, results);
            List<String> deadLetters = DeadLetters.between(suite.kafkaBootstrapServers(), before, after);
            long outboxLeft = backlog.unpublished(null);
            boolean upAfter = health.allUpSince(System.nanoTime() - Duration.ofSeconds(2).toNanos())
                    || awaitUp(health, Duration.ofSeconds(30));
            String note = String.join("; ", java.util.stream.Stream.of(fault.note(), injectionFailure)
                    .filter(text -> !text.isEmpty()).toList());
            return new RoundResult(fault.name(), note, injectionFailure.isEmpty(), results, counts, deadLetters, outboxLeft,
                    health.readyDownSeen(), health.messagingDownSeen(), health.downSeen(), upAfter, recovery,
                    errors.describe(), errors.total(), fault.hiddenByReplicas(), fault.mayRepeatAMessage());
        }
    }

    /**
     * From the repair until every instance is UP and nothing from before the repair is owed: every
     * outbox row published, every notification sent (or failed for good), every event consumed.
     */
    private Duration awaitRecovery(Backlog backlog, HealthWatch health, long faultEnd, Instant faultEndedAt,
            long deadline) {
        Map<TopicPartition, Long> targets = null;
        while (System.nanoTime() < deadline) {
            try {
                if (targets == null) {
                    targets = backlog.endOffsets();
                }
                if (health.allUpSince(faultEnd) && backlog.unpublished(faultEndedAt) == 0
                        && backlog.undelivered(faultEndedAt) == 0 && backlog.unconsumed(targets) == 0) {
                    return Duration.ofNanos(System.nanoTime() - faultEnd);
                }
            } catch (Exception notYet) {
                // the database or the broker is not back yet
            }
            Pause.of(Duration.ofMillis(500));
        }
        return null;
    }

    /** Until nothing is owed at all (bounded): then the counts are final. */
    private void settle(Backlog backlog) {
        long deadline = System.nanoTime() + pace.settle().toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (backlog.unpublished(null) == 0 && backlog.undelivered(null) == 0
                        && backlog.unconsumed(backlog.endOffsets()) == 0) {
                    Pause.of(Duration.ofSeconds(2)); // a late duplicate would be on its way now
                    return;
                }
            } catch (Exception notYet) {
                // retried below
            }
            Pause.of(Duration.ofSeconds(1));
        }
    }

    private static boolean awaitUp(HealthWatch health, Duration timeout) {
        long since = System.nanoTime();
        while (System.nanoTime() - since < timeout.toNanos()) {
            if (health.allUpSince(since)) {
                return true;
            }
            Pause.of(Duration.ofMillis(500));
        }
        return false;
    }

    static void log(String format, Object... arguments) {
        System.out.printf("[campaign %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, arguments));
    }
}
