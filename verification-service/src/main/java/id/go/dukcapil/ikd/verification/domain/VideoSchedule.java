package id.go.dukcapil.ikd.verification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An office's video-call schedule: weekly hours in the office's local time, the slot length and how
 * many calls run at once. Slots exist on working days only (no holiday, hours that weekday).
 */
public record VideoSchedule(String officeCode, String officeName, OfficeTimeZone zone, boolean videoCalls,
        int slotMinutes, int capacity, List<WorkingCalendar.Hours> hours) {

    /** Days ahead searched for working days at most (a month of holidays cannot make it loop long). */
    private static final int MAX_DAYS_SEARCHED = 60;
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'pukul' HH.mm",
            Locale.forLanguageTag("id-ID"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    /** One slot: its start and end instants. */
    public record Slot(Instant start, Instant end) {
    }

    public VideoSchedule {
        hours = List.copyOf(hours);
    }

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }

    /**
     * Every slot that starts after {@code now} on the next {@code days} working days of the office,
     * today (its local date) included when it still has slots, in order.
     */
    public List<Slot> slots(Instant now, int days, Set<LocalDate> holidays) {
        List<Slot> slots = new ArrayList<>();
        LocalDate day = now.atZone(zone.zoneId()).toLocalDate();
        int counted = 0;
        for (int i = 0; i < MAX_DAYS_SEARCHED && counted < days; i++, day = day.plusDays(1)) {
            List<Slot> ofDay = slotsOf(day, holidays).stream().filter(s -> s.start().isAfter(now)).toList();
            if (!ofDay.isEmpty()) {
                slots.addAll(ofDay);
                counted++;
            }
        }
        return slots;
    }

    /** The slot starting at {@code start}, if the schedule has one then (the right day, hours and step). */
    public Slot slotAt(Instant start, Set<LocalDate> holidays) {
        LocalDate day = start.atZone(zone.zoneId()).toLocalDate();
        return slotsOf(day, holidays).stream().filter(s -> s.start().equals(start)).findFirst().orElse(null);
    }

    private List<Slot> slotsOf(LocalDate day, Set<LocalDate> holidays) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Slot> slots = new ArrayList<>();
        for (WorkingCalendar.Hours h : hours.stream().filter(h -> h.day() == day.getDayOfWeek())
                .sorted(Comparator.comparing(WorkingCalendar.Hours::opens)).toList()) {
            for (LocalTime t = h.opens(); !t.plusMinutes(slotMinutes).isAfter(h.closes())
                    && !t.plusMinutes(slotMinutes).isBefore(t); t = t.plusMinutes(slotMinutes)) {
                Instant start = ZonedDateTime.of(day, t, zone.zoneId()).toInstant();
                slots.add(new Slot(start, start.plus(slotLength())));
            }
        }
        return slots;
    }

    /** "Senin, 7 Desember 2026 pukul 09.15 WITA": the start in the office's local time. */
    public String labelId(Instant start) {
        return ID.format(start.atZone(zone.zoneId())) + " " + zone.name();
    }

    /** "Monday 7 December 2026 at 09:15 WITA". */
    public String labelEn(Instant start) {
        return EN.format(start.atZone(zone.zoneId())) + " " + zone.name();
    }
}
