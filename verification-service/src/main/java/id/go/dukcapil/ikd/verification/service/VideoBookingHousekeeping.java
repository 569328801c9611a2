package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.verification.config.VideoBookingConfig;
import id.go.dukcapil.ikd.verification.domain.VideoBooking;
import id.go.dukcapil.ikd.verification.repository.VideoBookingRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Every minute: bookings whose slot started more than the no-show window ago end, ATTENDED when the
 * citizen asked for the call around the slot, NO_SHOW otherwise (told to the citizen through the
 * outbox). The case is not touched: it stays in the office's queue and the citizen may book again. Bookings
 * of cases no longer waiting for verification (decided at the counter, withdrawn) are cancelled first.
 */
@ApplicationScoped
public class VideoBookingHousekeeping {

    private static final Logger LOG = Logger.getLogger(VideoBookingHousekeeping.class);

    private final VideoBookingRepository bookings;
    private final VideoBookings service;
    private final VideoBookingConfig config;
    private final Clock clock;

    public VideoBookingHousekeeping(VideoBookingRepository bookings, VideoBookings service, VideoBookingConfig config,
            Clock clock) {
        this.bookings = bookings;
        this.service = service;
        this.config = config;
        this.clock = clock;
    }

    /** Tells each citizen of {@code ended} (outbox, in {@code tx}). */
    private Uni<Void> announce(SqlConnection tx, List<VideoBooking> ended, VideoCallBooked.Status status, Instant now) {
        if (!ended.isEmpty()) {
            LOG.infof("%d video call bookings ended: %s", ended.size(), status);
        }
        return Multi.createFrom().iterable(ended).onItem().transformToUniAndConcatenate(b -> bookings.schedule(tx, b.officeCode())
                .chain(schedule -> service.announce(tx, schedule.orElseThrow(), b, status, null, now)))
                .collect().asList().replaceWithVoid();
    }

    @Scheduled(every = "1m", delayed = "40s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> tidy() {
        Instant now = clock.instant();
        return bookings.pool().withTransaction(tx -> bookings.releaseClosed(tx, now)
                .chain(released -> announce(tx, released, VideoCallBooked.Status.CANCELLED, now))
                .chain(() -> bookings.endPast(tx, now.minus(config.noShowAfter()), config.earlyJoin(),
                        config.noShowAfter(), now))
                .chain(noShows -> announce(tx, noShows, VideoCallBooked.Status.NO_SHOW, now)))
                .onFailure().invoke(e -> LOG.warnf("video booking housekeeping failed (next round in a minute): %s",
                        e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

}
