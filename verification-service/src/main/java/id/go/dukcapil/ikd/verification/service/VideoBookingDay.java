package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.repository.VideoBookingRepository;
import id.go.dukcapil.ikd.verification.repository.VideoBookingRepository.DayBooking;
import io.smallrye.mutiny.Uni;

/** The operator's office's video-call bookings of its local today, by slot, with who is waiting on the call page. */
@ApplicationScoped
public class VideoBookingDay {

    /** Today's bookings, the zone their times are read in, and the moment they were read. */
    public record Today(OfficeTimeZone zone, List<DayBooking> bookings, Instant now) {

        /** Whether an operator may record the booking's citizen as a no-show now ({@link VideoBookingNoShows}). */
        public boolean noShowAllowed(DayBooking b) {
            return VideoBookingNoShows.allowed(b.booking(), b.waiting(), now);
        }
    }

    private final VideoBookingRepository bookings;
    private final Clock clock;

    public VideoBookingDay(VideoBookingRepository bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    public Uni<Today> today(OperatorPrincipal operator) {
        return bookings.schedule(operator.officeCode()).chain(schedule -> {
            OfficeTimeZone zone = schedule.map(s -> s.zone()).orElse(OfficeTimeZone.WIB);
            Instant now = clock.instant();
            LocalDate today = now.atZone(zone.zoneId()).toLocalDate();
            ZonedDateTime from = today.atStartOfDay(zone.zoneId());
            return bookings.ofOffice(operator.officeCode(), from.toInstant(), from.plusDays(1).toInstant())
                    .map(list -> new Today(zone, list, now));
        });
    }
}
