package id.go.dukcapil.ikd.verification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.verification.domain.WorkingCalendar;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository.WorkingDayStandards;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository.MeasuredStep;

/** The step clocks after a central verifier returns a case to the office (docs/architecture.md, "Central review"). */
class SlaFiguresAfterReturnTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private final WorkingCalendar calendar = new WorkingCalendar(WIB, List.of(), Set.of());

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    @Test
    void stepThreeRestartsAtTheReturnAndEachCentralReviewIsTimedFromItsOwnSubmission() {
        UUID caseId = UUID.randomUUID();
        Instant scanned = at("2026-08-12T09:00");
        Instant submitted = at("2026-08-12T09:04");
        Instant returned = at("2026-08-12T13:00");
        Instant resubmitted = at("2026-08-12T13:06");
        Instant reviewed = at("2026-08-12T14:06");
        // as the service book logs them; the case now holds the first scan and the latest submission
        List<MeasuredStep> steps = List.of(
                step(caseId, "SUBMITTED_FOR_CENTRAL", submitted, scanned, scanned, resubmitted),
                step(caseId, "RETURNED_TO_OFFICE", returned, submitted, scanned, resubmitted),
                step(caseId, "SUBMITTED_FOR_CENTRAL", resubmitted, returned, scanned, resubmitted),
                step(caseId, "CENTRAL_REVIEWED", reviewed, resubmitted, scanned, resubmitted));

        List<SlaFigures.Timed> timed = SlaFigures.time(steps, calendar, new WorkingDayStandards(null, 1));

        assertThat(timed).extracting(SlaFigures.Timed::sopStep).containsExactly(3, 4, 3, 4);
        // step 3: 4 minutes from the scan, then 6 minutes from the return (not 4 h 06 min from the first scan)
        assertThat(timed.get(0).seconds()).isEqualTo(Duration.ofMinutes(4).toSeconds());
        assertThat(timed.get(2).seconds()).isEqualTo(Duration.ofMinutes(6).toSeconds());
        // step 4, in working time: the returned review from its submission (3 h 56 min), the final one from the
        // second submission (1 h), each against one working day
        assertThat(timed.get(1).seconds()).isEqualTo(Duration.ofMinutes(3 * 60 + 56).toSeconds());
        assertThat(timed.get(3).seconds()).isEqualTo(Duration.ofHours(1).toSeconds());
        assertThat(timed.get(3).standardSeconds()).isEqualTo(Duration.ofHours(8).toSeconds());
        assertThat(timed.get(3).workingDays()).isEqualTo(1);
        assertThat(timed).allMatch(SlaFigures.Timed::within);
    }

    private static MeasuredStep step(UUID caseId, String action, Instant ended, Instant loggedStart, Instant scanned,
            Instant latestSubmission) {
        return new MeasuredStep("1376-DISDUKCAPIL", caseId, "someone", action, ended, loggedStart, 600, scanned,
                latestSubmission);
    }
}
