package id.go.dukcapil.ikd.verification.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An office's working-day calendar: its service hours per weekday in its own zone, less national
 * holidays and cuti bersama. Counts working time between two instants, so that a standard of
 * "1 hari kerja" is one working day of the office, not 24 or 8 straight hours.
 */
public final class WorkingCalendar {

    /** A period of service on a weekday, local time. */
    public record Hours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        public Hours {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("opens must be before closes");
            }
        }
    }

    /** Monday to Friday, 08:00–16:00: the default when an office publishes no hours. */
    public static final List<Hours> DEFAULT_HOURS = List.of(DayOfWeek.values()).stream()
            .filter(d -> d.getValue() <= 5).map(d -> new Hours(d, LocalTime.of(8, 0), LocalTime.of(16, 0))).toList();

    private static final int MAX_DAYS = 3660;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Hours>> hours;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, List<Hours> hours, Set<LocalDate> holidays) {
        this.zone = zone;
        Map<DayOfWeek, List<Hours>> byDay = new EnumMap<>(DayOfWeek.class);
        for (Hours h : hours.isEmpty() ? DEFAULT_HOURS : hours) {
            byDay.computeIfAbsent(h.day(), d -> new java.util.ArrayList<>()).add(h);
        }
        this.hours = byDay;
        this.holidays = Set.copyOf(holidays);
    }

    /** Whether the office serves on this local date at all. */
    public boolean isWorkingDay(LocalDate date) {
        return !holidays.contains(date) && hours.containsKey(date.getDayOfWeek());
    }

    /** The length of a standard working day: the longest day of the office's week (8 h by default). */
    public Duration workingDayLength() {
        return hours.values().stream().map(WorkingCalendar::length).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Working time between two instants: only the office's hours on working days count. */
    public Duration workingTime(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        Duration total = Duration.ZERO;
        for (int i = 0; !day.isAfter(last) && i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Hours h : hours.get(day.getDayOfWeek())) {
                Instant opens = ZonedDateTime.of(day, h.opens(), zone).toInstant();
                Instant closes = ZonedDateTime.of(day, h.closes(), zone).toInstant();
                Instant start = opens.isAfter(from) ? opens : from;
                Instant end = closes.isBefore(to) ? closes : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of working time, counted from {@code start} on this
     * calendar (office hours, less weekends and holidays, in the office's zone), has elapsed: the
     * due time of a standard. A start outside office hours counts from the next opening; a due
     * time that falls exactly on a closing stays on that day.
     */
    public Instant deadline(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        Duration left = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Hours h : hours.get(day.getDayOfWeek()).stream()
                    .sorted(java.util.Comparator.comparing(Hours::opens)).toList()) {
                Instant opens = ZonedDateTime.of(day, h.opens(), zone).toInstant();
                Instant closes = ZonedDateTime.of(day, h.closes(), zone).toInstant();
                Instant from = opens.isAfter(start) ? opens : start;
                if (!closes.isAfter(from)) {
                    continue;
                }
                Duration available = Duration.between(from, closes);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days");
    }

    /** The due instant of a standard of {@code days} working days counted from {@code start}. */
    public Instant deadline(Instant start, int days) {
        return deadline(start, workingDays(days));
    }

    /** The standard for {@code days} working days, in working time. */
    public Duration workingDays(int days) {
        return workingDayLength().multipliedBy(days);
    }

    /**
     * The end of the {@code days}-th working day after the local date of {@code from}: when a
     * response standard of that many working days runs out (the office's last closing hour that day).
     */
    public Instant endOfWorkingDaysAfter(Instant from, int days) {
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int counted = 0, i = 0; counted < days && i < MAX_DAYS; i++) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        LocalDate due = day;
        java.time.LocalTime closes = hours.getOrDefault(due.getDayOfWeek(), DEFAULT_HOURS.subList(0, 1)).stream()
                .map(Hours::closes).max(java.time.LocalTime::compareTo).orElse(java.time.LocalTime.of(16, 0));
        return ZonedDateTime.of(due, closes, zone).toInstant();
    }

    private static Duration length(List<Hours> day) {
        return day.stream().map(h -> Duration.between(h.opens(), h.closes())).reduce(Duration.ZERO, Duration::plus);
    }
}
