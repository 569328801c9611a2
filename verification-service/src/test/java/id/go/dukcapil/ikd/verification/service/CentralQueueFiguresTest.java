package id.go.dukcapil.ikd.verification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar.Hours;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository.WorkingDayStandards;
import id.go.dukcapil.ikd.verification.service.CentralQueueFigures.CentralCase;
import id.go.dukcapil.ikd.verification.service.CentralQueueFigures.CentralQueue;
import id.go.dukcapil.ikd.verification.service.CaseQueries.QueueLine;

/** The central queue's figures: grouping by province, order by due time, working time left. */
class CentralQueueFiguresTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    /** Monday 17 August 2026, Hari Kemerdekaan. */
    private static final LocalDate KEMERDEKAAN = LocalDate.of(2026, 8, 17);

    private final Office payakumbuh = office("1376-DISDUKCAPIL", "13.76", OfficeTimeZone.WIB);
    private final Office probolinggo = office("3513-DISDUKCAPIL", "35.13", OfficeTimeZone.WIB);
    private final Office nganjuk = office("351814-KEC-BAGOR", "35.18.14", OfficeTimeZone.WIB);
    private final Office banjar = office("6305-DISDUKCAPIL", "63.05", OfficeTimeZone.WITA);

    /** Default hours everywhere but Banjar (07:30-15:30 WITA, Mon-Fri); Probolinggo reviews in 2 working days. */
    private final CentralClocks.Calendars calendars = new CentralClocks.Calendars(Set.of(KEMERDEKAAN),
            Map.of(banjar.code, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY).stream().map(d -> new Hours(d, LocalTime.of(7, 30), LocalTime.of(15, 30))).toList()),
            Map.of(probolinggo.code, new WorkingDayStandards(1, 2)));

    private static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void casesAreGroupedByProvinceAndOrderedByTheirDueTimeOnEachOfficesCalendar() {
        Instant now = at(WIB, "2026-08-18T10:00"); // Tuesday, the day after the holiday
        // Payakumbuh, Fri 14:00: 2 h Friday, holiday Monday, 6 h Tuesday: due Tue 14:00 WIB, 4 h left
        VerificationCase friday = submitted(payakumbuh, at(WIB, "2026-08-14T14:00"));
        // Probolinggo, Thu 09:00, two working days: Thu 7 h, Fri 8 h, Tue 1 h: due Tue 09:00 WIB, 1 h overdue
        VerificationCase thursday = submitted(probolinggo, at(WIB, "2026-08-13T09:00"));
        // Nganjuk (Jawa Timur too), Tue 08:30: due Wed 08:30 WIB, 6.5 h today + 0.5 h tomorrow left
        VerificationCase today = submitted(nganjuk, at(WIB, "2026-08-18T08:30"));
        // Banjar (WITA, 07:30-15:30), Fri 15:00 WITA: 0.5 h Friday, 7.5 h Tuesday: due Tue 15:00 WITA
        VerificationCase banjarFriday = submitted(banjar, at(WITA, "2026-08-14T15:00"));

        CentralQueue queue = CentralQueueFigures.of(List.of(line(today), line(friday), line(banjarFriday),
                line(thursday)), calendars, now);

        assertThat(queue.total()).isEqualTo(4);
        assertThat(queue.overdue()).isEqualTo(1);
        // Jawa Timur first: its most urgent case is overdue; then Sumatera Barat (Tue 14:00 WIB), Kalimantan Selatan
        // (Tue 15:00 WITA = 14:00 WIB, submitted later)
        assertThat(queue.regions()).extracting(CentralQueueFigures.Region::provinceCode).containsExactly("35", "13", "63");
        assertThat(queue.regions().get(0).provinceName()).isEqualTo("JAWA TIMUR");
        assertThat(queue.regions().get(0).overdue()).isEqualTo(1);
        assertThat(queue.regions().get(0).items()).extracting(CentralCase::caseId)
                .containsExactly(thursday.id, today.id);

        CentralCase overdue = queue.regions().get(0).items().get(0);
        assertThat(overdue.dueAt()).isEqualTo(at(WIB, "2026-08-18T09:00"));
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.remainingWorkingSeconds()).isEqualTo(-Duration.ofHours(1).toSeconds());
        assertThat(overdue.remainingText()).isEqualTo("lewat 1 j 00 mnt");
        assertThat(overdue.reviewWorkingDays()).isEqualTo(2);
        assertThat(overdue.dueLocal()).isEqualTo("18-08-2026 09:00 WIB");

        CentralCase sukodadi = queue.regions().get(0).items().get(1);
        assertThat(sukodadi.dueAt()).isEqualTo(at(WIB, "2026-08-19T08:30"));
        assertThat(sukodadi.remainingWorkingSeconds()).isEqualTo(Duration.ofMinutes(6 * 60 + 30).toSeconds());
        assertThat(sukodadi.remainingText()).isEqualTo("6 j 30 mnt");
        assertThat(sukodadi.clockRunning()).isTrue();

        CentralCase sumbar = queue.regions().get(1).items().get(0);
        assertThat(sumbar.dueAt()).isEqualTo(at(WIB, "2026-08-18T14:00"));
        assertThat(sumbar.remainingWorkingSeconds()).isEqualTo(Duration.ofHours(4).toSeconds());

        CentralCase kalsel = queue.regions().get(2).items().get(0);
        assertThat(kalsel.dueAt()).isEqualTo(at(WITA, "2026-08-18T15:00"));
        assertThat(kalsel.dueLocal()).isEqualTo("18-08-2026 15:00 WITA");
        assertThat(kalsel.timeZone()).isEqualTo("WITA");
        assertThat(kalsel.remainingWorkingSeconds()).isEqualTo(Duration.ofHours(4).toSeconds());
    }

    @Test
    void theCountdownStopsOutsideServiceHoursAndAStoredDueTimeIsKept() {
        Instant saturday = at(WIB, "2026-08-15T11:00");
        VerificationCase friday = submitted(payakumbuh, at(WIB, "2026-08-14T14:00"));
        VerificationCase stored = submitted(payakumbuh, at(WIB, "2026-08-14T15:00"));
        stored.centralDueAt = at(WIB, "2026-08-18T15:00"); // as computed at submission
        stored.returnCount = 1;

        CentralQueue queue = CentralQueueFigures.of(List.of(line(stored), line(friday)), calendars, saturday);

        List<CentralCase> items = queue.regions().get(0).items();
        assertThat(items).extracting(CentralCase::caseId).containsExactly(friday.id, stored.id);
        assertThat(items.get(0).clockRunning()).isFalse();
        // the weekend and the holiday are no working time: Tuesday 08:00-14:00 is left
        assertThat(items.get(0).remainingWorkingSeconds()).isEqualTo(Duration.ofHours(6).toSeconds());
        assertThat(items.get(1).dueAt()).isEqualTo(stored.centralDueAt);
        assertThat(items.get(1).returnCount()).isEqualTo(1);
        // a day later, still the weekend: nothing has run down
        CentralQueue sunday = CentralQueueFigures.of(List.of(line(friday)), calendars, saturday.plus(Duration.ofDays(1)));
        assertThat(sunday.regions().get(0).items().get(0).remainingWorkingSeconds())
                .isEqualTo(Duration.ofHours(6).toSeconds());
    }

    @Test
    void anEmptyQueueHasNoRegions() {
        CentralQueue queue = CentralQueueFigures.of(List.of(), calendars, Instant.now());
        assertThat(queue.total()).isZero();
        assertThat(queue.regions()).isEmpty();
    }

    private static Office office(String code, String area, OfficeTimeZone zone) {
        Office o = new Office();
        o.code = code;
        o.name = "Kantor " + code;
        o.areaCode = area;
        o.timeZone = zone;
        o.validationMinutes = 10;
        return o;
    }

    private static VerificationCase submitted(Office office, Instant at) {
        VerificationCase c = new VerificationCase();
        c.id = UUID.randomUUID();
        c.registrationId = UUID.randomUUID();
        c.nik = "3513194909920001";
        c.officeCode = office.code;
        c.status = CaseStatus.AWAITING_CENTRAL;
        c.scannedAt = at.minus(Duration.ofMinutes(10));
        c.submittedForReviewAt = at;
        return c;
    }

    private QueueLine line(VerificationCase c) {
        Office office = List.of(payakumbuh, probolinggo, nganjuk, banjar).stream()
                .filter(o -> o.code.equals(c.officeCode)).findFirst().orElseThrow();
        return new QueueLine(c, office);
    }
}
