package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.verification.domain.VideoBooking;
import id.go.dukcapil.ikd.verification.domain.VideoBookingProblems;
import id.go.dukcapil.ikd.verification.repository.VideoBookingRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The operator records a booked citizen as a no-show from the video queue, once the slot has started
 * and the citizen is not on the call, instead of waiting for the housekeeping's window
 * ({@link VideoBookingHousekeeping}): the booking ends NO_SHOW and the citizen is told (VideoCallBooked
 * through the outbox, in one transaction), the case stays in the office's queue and the citizen may book
 * again. Only the booking's office sees or changes it. Each one is an audit entry, {@code VIDEO_BOOKING_NO_SHOW},
 * appended after the booking's transaction committed (never two connections held at once).
 */
@ApplicationScoped
public class VideoBookingNoShows {

    private static final Logger LOG = Logger.getLogger(VideoBookingNoShows.class);

    private final VideoBookingRepository bookings;
    private final VideoBookings service;
    private final AuditLog audit;
    private final Clock clock;

    public VideoBookingNoShows(VideoBookingRepository bookings, VideoBookings service, AuditLog audit, Clock clock) {
        this.bookings = bookings;
        this.service = service;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rule the queue page and {@link #record} share: still booked, the slot started, the citizen not on the call. */
    static boolean allowed(VideoBooking b, boolean onCall, Instant now) {
        return b.status() == VideoBooking.Status.BOOKED && !now.isBefore(b.slotStart()) && !onCall;
    }

    public Uni<VideoBooking> record(OperatorPrincipal operator, UUID bookingId) {
        Instant now = clock.instant();
        return bookings.pool().withTransaction(tx -> bookings.lock(tx, bookingId).chain(found -> {
            VideoBooking b = found.filter(booking -> booking.officeCode().equals(operator.officeCode()))
                    .orElseThrow(() -> new ProblemException(VideoBookingProblems.BOOKING_NOT_FOUND));
            if (b.status() != VideoBooking.Status.BOOKED) {
                throw new ProblemException(VideoBookingProblems.BOOKING_NOT_ACTIVE);
            }
            if (now.isBefore(b.slotStart())) {
                throw new ProblemException(VideoBookingProblems.SLOT_NOT_STARTED,
                        "Pemohon dapat dicatat tidak hadir setelah jadwalnya dimulai.",
                        "A citizen can be recorded as a no-show once the slot has started.");
            }
            return bookings.onCall(tx, b.registrationId()).chain(onCall -> {
                if (onCall) {
                    throw new ProblemException(VideoBookingProblems.CITIZEN_ON_CALL,
                            "Jawab panggilannya dari antrean panggilan video.", "Answer the call from the video queue.");
                }
                VideoBooking ended = new VideoBooking(b.id(), b.registrationId(), b.caseId(), b.officeCode(),
                        b.slotStart(), b.slotEnd(), VideoBooking.Status.NO_SHOW, b.bookedAt(), now);
                return bookings.update(tx, ended)
                        .chain(() -> bookings.schedule(tx, b.officeCode()))
                        .chain(schedule -> service.announce(tx, schedule.orElseThrow(), ended,
                                VideoCallBooked.Status.NO_SHOW, null, now))
                        .replaceWith(ended);
            });
        })).call(ended -> Panache.withTransaction(() -> audit.append("VIDEO_BOOKING_NO_SHOW", operator.username(),
                operator.officeCode(), ended.caseId().toString(), Map.of("booking", ended.id().toString(),
                        "slotStart", ended.slotStart().toString()))))
                .invoke(ended -> LOG.infof("video call booking %s recorded as a no-show by %s", ended.id(),
                        operator.username()));
    }
}
