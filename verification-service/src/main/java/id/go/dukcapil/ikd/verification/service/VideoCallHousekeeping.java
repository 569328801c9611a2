package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.messaging.RetentionPurge;
import id.go.dukcapil.ikd.verification.config.VideoCallConfig;
import id.go.dukcapil.ikd.verification.repository.VideoCallSignalRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Every minute: no-shows ended in every office, the signals of calls over for 10 minutes deleted, and
 * the stills whose case closed or whose period ended erased ({@link VideoCallStillRetention}, through
 * the platform's {@link RetentionPurge}, so they count with the retention job's rows).
 */
@ApplicationScoped
public class VideoCallHousekeeping {

    /** Long enough for both pages to read the hang-up; the addresses in the signals are not kept longer. */
    static final Duration SIGNALS_KEPT_AFTER_END = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(VideoCallHousekeeping.class);

    private final VideoCallSignalRepository signals;
    private final VideoCallConfig config;
    private final Clock clock;
    private final VideoCallRecords records;
    private final RetentionPurge purge;
    private final VideoCallStillRetention stills;

    public VideoCallHousekeeping(VideoCallSignalRepository signals, VideoCallConfig config, Clock clock,
            VideoCallRecords records, RetentionPurge purge, VideoCallStillRetention stills) {
        this.signals = signals;
        this.config = config;
        this.clock = clock;
        this.records = records;
        this.purge = purge;
        this.stills = stills;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> tidy() {
        Instant now = clock.instant();
        return signals.housekeeping(now.minus(config.noShowAfter()), now.minus(SIGNALS_KEPT_AFTER_END))
                .invoke(tidied -> {
                    records.noShows(tidied.noShows());
                    if (tidied.signalsDeleted() > 0) {
                        LOG.debugf("deleted %d signalling messages of ended video calls", tidied.signalsDeleted());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("video call housekeeping failed (next round in a minute): %s",
                        e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid()
                .chain(() -> purge.runScheduled(stills.steps(now)));
    }
}
