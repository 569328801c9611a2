package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Provinces;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.service.CaseQueries.QueueLine;
import id.go.dukcapil.ikd.web.Masking;

/**
 * The central verifier's queue: every case awaiting central verification, grouped by the province
 * of the office that submitted it, each with its due time on that office's working calendar and
 * the working time left. Cases in a group, and the groups by their most urgent case, are ordered
 * by due time. Pure: the figures are tested without a database.
 */
public final class CentralQueueFigures {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /**
     * One case; {@code remainingWorkingSeconds} is negative once overdue (working time past due).
     * {@code dueLocal} is the due time in the office's zone, with the zone's name; {@code clockRunning}
     * whether the office's working time runs now (within its hours on a working day).
     */
    public record CentralCase(UUID caseId, UUID registrationId, String nikMasked, String officeCode, String officeName,
            String timeZone, Instant submittedAt, Instant dueAt, String dueLocal, long remainingWorkingSeconds, String remainingText,
            boolean overdue, boolean clockRunning, int reviewWorkingDays, int returnCount) {
    }

    /** One province with its cases, most urgent first. */
    public record Region(String provinceCode, String provinceName, int cases, int overdue, List<CentralCase> items) {
    }

    public record CentralQueue(Instant generatedAt, int total, int overdue, List<Region> regions) {
    }

    private CentralQueueFigures() {
    }

    /** Working time left as "2 j 05 mnt" (jam, menit); past due as "lewat 1 j 10 mnt" (as timers.js writes it). */
    public static String remainingText(long seconds) {
        long minutes = Math.abs(seconds) / 60;
        String text = minutes / 60 + " j " + String.format("%02d", minutes % 60) + " mnt";
        return seconds < 0 ? "lewat " + text : text;
    }

    public static CentralQueue of(List<QueueLine> lines, CentralClocks.Calendars calendars, Instant now) {
        Map<String, List<CentralCase>> byProvince = new LinkedHashMap<>();
        for (QueueLine line : lines) {
            VerificationCase c = line.verificationCase();
            Office office = line.office();
            Instant submitted = c.submittedForReviewAt != null ? c.submittedForReviewAt : c.scannedAt;
            // a case submitted before its due time was stored is timed from its submission
            Instant due = c.centralDueAt != null ? c.centralDueAt : calendars.centralDue(office, submitted);
            Duration remaining = calendars.remaining(office, now, due);
            byProvince.computeIfAbsent(Provinces.codeOf(office.areaCode), k -> new java.util.ArrayList<>())
                    .add(new CentralCase(c.id, c.registrationId, Masking.nik(c.nik), office.code, office.name,
                            office.zone().name(), submitted, due,
                            LOCAL.format(due.atZone(office.zone().zoneId())) + " " + office.zone().name(),
                            remaining.toSeconds(), remainingText(remaining.toSeconds()), now.isAfter(due), calendars.runs(office, now),
                            calendars.reviewDays(office), c.returnCount));
        }
        Comparator<CentralCase> byDue = Comparator.comparing(CentralCase::dueAt).thenComparing(CentralCase::submittedAt);
        List<Region> regions = byProvince.entrySet().stream().map(e -> {
            List<CentralCase> items = e.getValue().stream().sorted(byDue).toList();
            String anyArea = lines.stream().map(QueueLine::office)
                    .filter(o -> Provinces.codeOf(o.areaCode).equals(e.getKey())).findFirst().map(o -> o.areaCode)
                    .orElse(null);
            return new Region(e.getKey(), Provinces.nameOf(anyArea), items.size(),
                    (int) items.stream().filter(CentralCase::overdue).count(), items);
        }).sorted(Comparator.comparing((Region r) -> r.items().get(0).dueAt()).thenComparing(Region::provinceCode))
                .toList();
        int overdue = regions.stream().mapToInt(Region::overdue).sum();
        return new CentralQueue(now, lines.size(), overdue, regions);
    }
}
