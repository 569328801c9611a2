package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.verification.config.VideoBookingConfig;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.domain.VideoBooking;
import id.go.dukcapil.ikd.verification.domain.VideoBookingProblems;
import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.domain.VideoSchedule;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.ComplaintRepository;
import id.go.dukcapil.ikd.verification.repository.CounterCodeRepository;
import id.go.dukcapil.ikd.verification.repository.VideoBookingRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;

/**
 * The citizen books a video call with their office: free slots of the next working days in the office's
 * local time, one booking per registration, moved or cancelled. Proven, like the call itself, by the app's
 * valid current counter code; only for pending cases of offices with video calls on. Every change tells the
 * citizen through the outbox ({@link VideoCallBooked}), in the same transaction.
 */
@ApplicationScoped
public class VideoBookings {

    private static final Logger LOG = Logger.getLogger(VideoBookings.class);
    /** Waiting for verification: queued, or being verified (a call that dropped may need another slot). */
    private static final Set<CaseStatus> PENDING = Set.of(CaseStatus.QUEUED, CaseStatus.IN_REVIEW);

    /** A free (or full) slot, and the office's schedule to read it with. */
    public record FreeSlot(VideoSchedule.Slot slot, int free) {
    }

    /** What the booking page shows: the office's schedule, the slots and the booking, if any. */
    public record Overview(VideoSchedule schedule, List<FreeSlot> slots, Optional<VideoBooking> booking) {
    }

    /** A booking with the schedule that gives its local time. */
    public record Booked(VideoSchedule schedule, VideoBooking booking) {
    }

    private record CitizenCase(UUID registrationId, UUID caseId, VideoSchedule schedule) {
    }

    private final CallCodes codes;
    private final CounterCodeRepository counterCodes;
    private final CaseRepository cases;
    private final VideoBookingRepository bookings;
    private final CalendarRepository calendar;
    private final ComplaintRepository offices;
    private final Outbox outbox;
    private final Clock clock;
    private final PublicRateLimiter limiter;
    private final VideoBookingConfig config;

    public VideoBookings(CallCodes codes, CounterCodeRepository counterCodes, CaseRepository cases,
            VideoBookingRepository bookings, CalendarRepository calendar, ComplaintRepository offices, Outbox outbox,
            Clock clock, PublicRateLimiter limiter, VideoBookingConfig config) {
        this.codes = codes;
        this.counterCodes = counterCodes;
        this.cases = cases;
        this.bookings = bookings;
        this.calendar = calendar;
        this.offices = offices;
        this.outbox = outbox;
        this.clock = clock;
        this.limiter = limiter;
        this.config = config;
    }

    /** The office's slots on the next {@code days} working days (its default when null) and the current booking. */
    public Uni<Overview> overview(String counterCode, Integer days, String clientAddress) {
        int wanted = days == null ? config.daysAhead() : Math.max(1, Math.min(days, config.maxDaysAhead()));
        Instant now = clock.instant();
        return limiter.checkVideoBooking(clientAddress).chain(() -> citizenCase(counterCode)).chain(c -> holidays(now)
                .chain(holidays -> {
                    List<VideoSchedule.Slot> slots = c.schedule().slots(now, wanted, holidays);
                    Instant to = slots.isEmpty() ? now : slots.getLast().end();
                    return bookings.bookedCounts(c.schedule().officeCode(), now, to).chain(counts -> bookings
                            .active(bookings.pool(), c.registrationId(), false)
                            .map(active -> new Overview(c.schedule(), slots.stream().map(s -> new FreeSlot(s,
                                    Math.max(0, c.schedule().capacity() - counts.getOrDefault(s.start(), 0)))).toList(),
                                    active)));
                }));
    }

    /** Books the slot starting at {@code start}; refused when the registration already holds one (move it instead). */
    public Uni<Booked> book(String counterCode, Instant start, String clientAddress) {
        return change(counterCode, start, clientAddress, (tx, c, active, slot, now) -> {
            if (active.isPresent()) {
                throw new ProblemException(VideoBookingProblems.ALREADY_BOOKED,
                        "Pindahkan atau batalkan jadwal yang sudah dipesan.", "Move or cancel the slot you booked.");
            }
            VideoBooking booking = new VideoBooking(UUID.randomUUID(), c.registrationId(), c.caseId(),
                    c.schedule().officeCode(), slot.start(), slot.end(), VideoBooking.Status.BOOKED, now, now);
            return take(tx, c, slot).chain(() -> bookings.insert(tx, booking))
                    .chain(() -> announce(tx, c.schedule(), booking, VideoCallBooked.Status.BOOKED, null, now))
                    .replaceWith(booking);
        });
    }

    /** Moves the registration's booking to the slot starting at {@code start}, atomically: both or neither. */
    public Uni<Booked> rebook(String counterCode, Instant start, String clientAddress) {
        return change(counterCode, start, clientAddress, (tx, c, active, slot, now) -> {
            VideoBooking before = active.orElseThrow(() -> new ProblemException(VideoBookingProblems.BOOKING_NOT_FOUND));
            if (before.slotStart().equals(slot.start())) {
                return Uni.createFrom().item(before);
            }
            VideoBooking after = new VideoBooking(before.id(), before.registrationId(), before.caseId(), before.officeCode(),
                    slot.start(), slot.end(), VideoBooking.Status.BOOKED, before.bookedAt(), now);
            return take(tx, c, slot).chain(() -> bookings.update(tx, after))
                    .chain(() -> announce(tx, c.schedule(), after, VideoCallBooked.Status.MOVED, before.slotStart(), now))
                    .replaceWith(after);
        });
    }

    /** Cancels the registration's booking; the slot's place is free again. */
    public Uni<Booked> cancel(String counterCode, String clientAddress) {
        Instant now = clock.instant();
        return limiter.checkVideoBooking(clientAddress).chain(() -> citizenCase(counterCode))
                .chain(c -> bookings.pool().withTransaction(tx -> bookings.active(tx, c.registrationId(), true)
                        .chain(active -> {
                            VideoBooking before = active.orElseThrow(
                                    () -> new ProblemException(VideoBookingProblems.BOOKING_NOT_FOUND));
                            VideoBooking after = new VideoBooking(before.id(), before.registrationId(), before.caseId(),
                                    before.officeCode(), before.slotStart(), before.slotEnd(),
                                    VideoBooking.Status.CANCELLED, before.bookedAt(), now);
                            return bookings.update(tx, after)
                                    .chain(() -> announce(tx, c.schedule(), after, VideoCallBooked.Status.CANCELLED, null, now))
                                    .replaceWith(new Booked(c.schedule(), after));
                        })));
    }

    private interface Step {
        Uni<VideoBooking> apply(SqlConnection tx, CitizenCase c, Optional<VideoBooking> active, VideoSchedule.Slot slot,
                Instant now);
    }

    private Uni<Booked> change(String counterCode, Instant start, String clientAddress, Step step) {
        Instant now = clock.instant();
        return limiter.checkVideoBooking(clientAddress).chain(() -> citizenCase(counterCode)).chain(c -> holidays(now)
                .chain(holidays -> {
                    if (!start.isAfter(now)) {
                        throw new ProblemException(VideoBookingProblems.SLOT_PAST,
                                "Pilih jadwal yang belum lewat.", "Choose a slot that has not passed.");
                    }
                    VideoSchedule.Slot slot = c.schedule().slotAt(start, holidays);
                    if (slot == null) {
                        throw new ProblemException(VideoBookingProblems.SLOT_UNKNOWN,
                                "Pilih salah satu jadwal yang ditawarkan.", "Choose one of the slots offered.");
                    }
                    return bookings.pool().withTransaction(tx -> bookings.active(tx, c.registrationId(), true)
                            .chain(active -> step.apply(tx, c, active, slot, now)));
                })
                .onFailure(PgException.class).transform(e -> "23505".equals(((PgException) e).getSqlState())
                        ? new ProblemException(VideoBookingProblems.ALREADY_BOOKED) : e)
                .map(booking -> new Booked(c.schedule(), booking)));
    }

    /** Takes a place in the slot under its lock: SLOT_FULL when its capacity is used. */
    private Uni<Void> take(SqlConnection tx, CitizenCase c, VideoSchedule.Slot slot) {
        return bookings.lockAndCount(tx, c.schedule().officeCode(), slot.start()).invoke(count -> {
            if (count >= c.schedule().capacity()) {
                throw new ProblemException(VideoBookingProblems.SLOT_FULL,
                        "Pilih jadwal lain; jadwal " + c.schedule().labelId(slot.start()) + " sudah penuh.",
                        "Choose another slot; " + c.schedule().labelEn(slot.start()) + " is fully booked.");
            }
        }).replaceWithVoid();
    }

    /** The booking's event to the citizen (confirmation, move, cancellation, no-show), in the transaction {@code tx}. */
    Uni<Void> announce(SqlConnection tx, VideoSchedule schedule, VideoBooking b, VideoCallBooked.Status status,
            Instant previousStart, Instant now) {
        return offices.office(tx, schedule.officeCode()).chain(office -> {
            VideoCallBooked event = new VideoCallBooked(b.registrationId(), b.id(), office.orElseThrow(), b.slotStart(),
                    b.slotEnd(), schedule.zone().zone(), status, previousStart, now);
            LOG.infof("video call booking %s of office %s: %s", b.id(), schedule.officeCode(), status);
            return outbox.appendAll(tx, List.of(new Outbox.TracedEvent(event, Outbox.currentTraceparent())));
        }).replaceWithVoid();
    }

    private Uni<Set<LocalDate>> holidays(Instant now) {
        LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return calendar.holidays(today.minusDays(1), today.plusDays(90)).map(list -> {
            Set<LocalDate> days = new HashSet<>();
            list.forEach(h -> days.add(h.day()));
            return days;
        });
    }

    /** The registration the code proves, its pending case and its office's schedule, or the refusal why not. */
    private Uni<CitizenCase> citizenCase(String counterCode) {
        SuiteKeyring.CounterCodeClaims claims = codes.read(counterCode);
        UUID registrationId = UUID.fromString(claims.registrationId());
        return Panache.withSession(() -> counterCodes.latestOf(registrationId).chain(latest -> {
            if (latest != null && latest.sequence > claims.sequence()) {
                throw new ProblemException(VerificationProblems.COUNTER_CODE_SUPERSEDED,
                        "Buka aplikasi IKD dan coba lagi dengan kode terbaru.",
                        "Open the IKD app and try again with the newest code.");
            }
            return cases.findByRegistration(registrationId);
        })).chain(c -> {
            if (c == null) {
                throw new ProblemException(VerificationProblems.CASE_NOT_FOUND,
                        "Pendaftaran Anda belum sampai ke kantor; coba lagi sebentar lagi.",
                        "Your registration has not reached the office yet; try again shortly.");
            }
            if (!PENDING.contains(c.status)) {
                throw new ProblemException(VideoBookingProblems.NOT_PENDING,
                        "Pendaftaran ini sudah diputuskan, ditutup, atau sedang diperiksa pusat; tidak perlu panggilan video.",
                        "This registration was decided, closed, or is with the central review; no video call is needed.");
            }
            UUID caseId = c.id;
            return bookings.schedule(c.officeCode).map(found -> {
                VideoSchedule schedule = found.filter(VideoSchedule::videoCalls).orElseThrow(() -> {
                    String name = found.map(VideoSchedule::officeName).orElse(null);
                    return new ProblemException(VideoCallProblems.VIDEO_CALLS_NOT_OFFERED,
                            "Silakan datang ke tempat pelayanan " + (name == null ? "kantor Anda" : name)
                                    + " dengan KTP-el dan aplikasi IKD.",
                            "Please come to the service place of " + (name == null ? "your office" : name)
                                    + " with your KTP-el and the IKD app.");
                });
                return new CitizenCase(registrationId, caseId, schedule);
            });
        });
    }
}
