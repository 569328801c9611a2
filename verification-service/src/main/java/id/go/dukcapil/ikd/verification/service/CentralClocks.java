package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.Holiday;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar.Hours;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository.WorkingDayStandards;
import io.smallrye.mutiny.Uni;

/**
 * The central review's clock: each office's working calendar (its hours in its own zone, less
 * weekends and the holiday table) and its central review standard in working days. Read through
 * the pool, before a transaction opens: never a second connection while one is held.
 */
@ApplicationScoped
public class CentralClocks {

    private final CalendarRepository calendar;

    public CentralClocks(CalendarRepository calendar) {
        this.calendar = calendar;
    }

    /** The calendars as they are now, for deadlines and remaining time around {@code now}. */
    public Uni<Calendars> load(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        // a due time lies at most a few weeks on (Lebaran); remaining time looks back as far as an overdue case
        return calendar.holidays(today.minusYears(1), today.plusYears(1)).chain(holidays -> calendar.officeHours()
                .chain(hours -> calendar.workingDayStandards().map(standards -> new Calendars(
                        holidays.stream().map(Holiday::day).collect(Collectors.toUnmodifiableSet()), hours,
                        standards))));
    }

    /** The loaded calendars; pure, so the queue's figures can be tested without a database. */
    public record Calendars(Set<LocalDate> holidays, Map<String, List<Hours>> hours,
            Map<String, WorkingDayStandards> standards) {

        public WorkingCalendar of(Office office) {
            return new WorkingCalendar(office.zone().zoneId(), hours.getOrDefault(office.code, List.of()), holidays);
        }

        /** The office's central review standard in working days (1 when it has none). */
        public int reviewDays(Office office) {
            WorkingDayStandards s = standards.get(office.code);
            return s == null ? 1 : s.centralReviewDays();
        }

        /** When a review submitted at {@code submittedAt} is due on the office's calendar. */
        public Instant centralDue(Office office, Instant submittedAt) {
            return of(office).deadline(submittedAt, reviewDays(office));
        }

        /** Whether working time of the office runs at {@code now}. */
        public boolean runs(Office office, Instant now) {
            return of(office).workingTime(now, now.plusSeconds(1)).isPositive();
        }

        /** Working time left until {@code due}; negative (overdue) as working time past it. */
        public Duration remaining(Office office, Instant now, Instant due) {
            WorkingCalendar calendar = of(office);
            return now.isAfter(due) ? calendar.workingTime(due, now).negated() : calendar.workingTime(now, due);
        }
    }
}
