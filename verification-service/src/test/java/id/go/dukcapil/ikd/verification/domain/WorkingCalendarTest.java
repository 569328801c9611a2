package id.go.dukcapil.ikd.verification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.verification.domain.WorkingCalendar.Hours;

class WorkingCalendarTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    /** Monday 17 August 2026, Hari Kemerdekaan. */
    private static final LocalDate KEMERDEKAAN = LocalDate.of(2026, 8, 17);
    private final WorkingCalendar wib = new WorkingCalendar(WIB, List.of(), Set.of(KEMERDEKAAN));

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void aFridayAfternoonRunsAcrossTheWeekendAndAHolidayToTuesday() {
        Instant friday = at(WIB, "2026-08-14T14:00");
        // Fri 14:00-16:00 (2 h), Sat, Sun, Mon 17 Aug (holiday) count nothing, Tue 08:00-14:00 (6 h)
        assertThat(wib.workingTime(friday, at(WIB, "2026-08-18T14:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(wib.workingTime(friday, at(WIB, "2026-08-18T14:00"))).isEqualTo(wib.workingDays(1));
        assertThat(wib.workingTime(friday, at(WIB, "2026-08-18T14:01"))).isGreaterThan(wib.workingDays(1));
        // without the holiday the day is reached on Monday
        WorkingCalendar noHoliday = new WorkingCalendar(WIB, List.of(), Set.of());
        assertThat(noHoliday.workingTime(friday, at(WIB, "2026-08-17T14:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(wib.workingTime(friday, at(WIB, "2026-08-17T14:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void timeOutsideOfficeHoursDoesNotCount() {
        assertThat(wib.workingTime(at(WIB, "2026-08-12T06:00"), at(WIB, "2026-08-12T08:00"))).isZero();
        assertThat(wib.workingTime(at(WIB, "2026-08-12T15:30"), at(WIB, "2026-08-13T08:30")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(wib.workingTime(at(WIB, "2026-08-15T09:00"), at(WIB, "2026-08-16T15:00"))).isZero();
        assertThat(wib.workingTime(at(WIB, "2026-08-12T10:00"), at(WIB, "2026-08-12T09:00"))).isZero();
    }

    @Test
    void theDefaultIsMondayToFridayEightToFour() {
        assertThat(wib.workingDayLength()).isEqualTo(Duration.ofHours(8));
        assertThat(wib.isWorkingDay(LocalDate.of(2026, 8, 14))).isTrue();
        assertThat(wib.isWorkingDay(LocalDate.of(2026, 8, 15))).isFalse();
        assertThat(wib.isWorkingDay(KEMERDEKAAN)).isFalse();
        assertThat(wib.workingTime(at(WIB, "2026-08-10T00:00"), at(WIB, "2026-08-17T00:00")))
                .isEqualTo(Duration.ofHours(40));
    }

    @Test
    void anOfficesOwnHoursAndZoneAreUsed() {
        // Tapin (WITA): Mon-Thu 08:00-12:00 and 13:00-15:30, Fri 08:00-11:00
        List<Hours> hours = new java.util.ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            hours.add(new Hours(d, LocalTime.of(8, 0), LocalTime.of(12, 0)));
            hours.add(new Hours(d, LocalTime.of(13, 0), LocalTime.of(15, 30)));
        }
        hours.add(new Hours(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(11, 0)));
        WorkingCalendar tapin = new WorkingCalendar(WITA, hours, Set.of(KEMERDEKAAN));
        assertThat(tapin.workingDayLength()).isEqualTo(Duration.ofMinutes(390));
        // Thu 11:00 WITA to 14:00 WITA: one hour before the break, one after
        assertThat(tapin.workingTime(at(WITA, "2026-08-13T11:00"), at(WITA, "2026-08-13T14:00")))
                .isEqualTo(Duration.ofHours(2));
        // the same instants read in WIB would be 10:00-13:00 local: the zone matters
        assertThat(tapin.workingTime(at(WIB, "2026-08-13T10:00"), at(WIB, "2026-08-13T13:00")))
                .isEqualTo(Duration.ofHours(2));
        // Fri 10:00 to Tue 09:00 WITA: 1 h Friday, weekend and Monday holiday, 1 h Tuesday
        assertThat(tapin.workingTime(at(WITA, "2026-08-14T10:00"), at(WITA, "2026-08-18T09:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void cutiBersamaCountsLikeAHoliday() {
        LocalDate cuti = LocalDate.of(2026, 12, 24);
        WorkingCalendar calendar = new WorkingCalendar(WIB, List.of(), Set.of(cuti, LocalDate.of(2026, 12, 25)));
        // Wed 23 Dec 15:00 to Mon 28 Dec 15:00: 1 h Wednesday, Thu/Fri off, weekend, 7 h Monday
        assertThat(calendar.workingTime(at(WIB, "2026-12-23T15:00"), at(WIB, "2026-12-28T15:00")))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void hoursMustOpenBeforeTheyClose() {
        assertThatThrownBy(() -> new Hours(DayOfWeek.MONDAY, LocalTime.of(16, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadlineOfOneWorkingDayRunsAcrossTheWeekendAndAHoliday() {
        // Fri 14:00: 2 h on Friday, Sat, Sun and Mon 17 Aug (Kemerdekaan) are skipped, 6 h on Tuesday
        assertThat(wib.deadline(at(WIB, "2026-08-14T14:00"), 1)).isEqualTo(at(WIB, "2026-08-18T14:00"));
        WorkingCalendar noHoliday = new WorkingCalendar(WIB, List.of(), Set.of());
        assertThat(noHoliday.deadline(at(WIB, "2026-08-14T14:00"), 1)).isEqualTo(at(WIB, "2026-08-17T14:00"));
        // the deadline and the working time agree
        Instant start = at(WIB, "2026-08-13T11:17");
        assertThat(wib.workingTime(start, wib.deadline(start, 2))).isEqualTo(wib.workingDays(2));
    }

    @Test
    void aDeadlineStartingOutsideOfficeHoursCountsFromTheNextOpening() {
        // Saturday evening: from Tuesday 08:00 (Monday is the holiday), one day ends at its closing
        assertThat(wib.deadline(at(WIB, "2026-08-15T19:00"), 1)).isEqualTo(at(WIB, "2026-08-18T16:00"));
        // before opening on a Wednesday
        assertThat(wib.deadline(at(WIB, "2026-08-12T06:30"), Duration.ofMinutes(90)))
                .isEqualTo(at(WIB, "2026-08-12T09:30"));
        // after closing: the next morning
        assertThat(wib.deadline(at(WIB, "2026-08-12T17:00"), Duration.ofHours(1)))
                .isEqualTo(at(WIB, "2026-08-13T09:00"));
        assertThatThrownBy(() -> wib.deadline(at(WIB, "2026-08-12T17:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadlineIsCountedInTheOfficesOwnZoneAndHours() {
        // WITA office open 07:30-12:00 and 13:00-15:30 on Mon-Thu, 07:30-11:00 on Friday
        List<Hours> split = new java.util.ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            split.add(new Hours(d, LocalTime.of(13, 0), LocalTime.of(15, 30)));
            split.add(new Hours(d, LocalTime.of(7, 30), LocalTime.of(12, 0)));
        }
        split.add(new Hours(DayOfWeek.FRIDAY, LocalTime.of(7, 30), LocalTime.of(11, 0)));
        WorkingCalendar makassar = new WorkingCalendar(WITA, split, Set.of(KEMERDEKAAN));
        assertThat(makassar.workingDayLength()).isEqualTo(Duration.ofHours(7));
        // Thu 11:00 WITA: 1 h to noon, 2.5 h afternoon, 3.5 h Friday = 7 h, due Friday 11:00 WITA
        assertThat(makassar.deadline(at(WITA, "2026-08-13T11:00"), 1)).isEqualTo(at(WITA, "2026-08-14T11:00"));
        // Fri 10:00 WITA: 1 h on Friday, then Tue (Monday is the holiday) 4.5 h + 1.5 h: 14:30 WITA
        assertThat(makassar.deadline(at(WITA, "2026-08-14T10:00"), 1)).isEqualTo(at(WITA, "2026-08-18T14:30"));
        // the lunch break does not count
        assertThat(makassar.deadline(at(WITA, "2026-08-12T11:30"), Duration.ofHours(1)))
                .isEqualTo(at(WITA, "2026-08-12T13:30"));
    }
}
