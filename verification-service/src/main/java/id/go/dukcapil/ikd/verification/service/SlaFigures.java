package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import id.go.dukcapil.ikd.verification.domain.WorkingCalendar;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository.WorkingDayStandards;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository.MeasuredStep;

/**
 * The SLA arithmetic of one office: each measured step re-timed from where its SOP starts its
 * clock, against its standard in clock minutes or in working days of the office's calendar.
 */
public final class SlaFigures {

    /** One step of an office in the report; seconds are working seconds when {@code workingDays} is set. */
    public record StepReport(String action, int sopStep, long standardSeconds, Integer workingDays, long measured,
            double averageSeconds, double p90Seconds, long withinStandard, double withinStandardPercent) {
    }

    /** Cases decided (at the counter or by the central review) on a day of the office's zone. */
    public record DayThroughput(LocalDate day, long decided) {
    }

    /** A step that took longer than its standard. */
    public record Breach(UUID caseId, String action, int sopStep, String operator, String endedAtLocal,
            long durationSeconds, long standardSeconds, Integer workingDays) {
    }

    public record OperatorFigures(String operator, long decided, double averageSeconds, double p90Seconds,
            double withinStandardPercent) {
    }

    record Timed(MeasuredStep step, int sopStep, long seconds, long standardSeconds, Integer workingDays) {
        boolean within() {
            return seconds <= standardSeconds;
        }
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SlaFigures() {
    }

    static List<Timed> time(List<MeasuredStep> steps, WorkingCalendar calendar, WorkingDayStandards standards) {
        List<Timed> timed = new ArrayList<>();
        for (MeasuredStep s : steps) {
            switch (s.action()) {
                // step 3 from the citizen at the operator: the scan, or a later return to the office by
                // the central verifier (the book logs that start; an older entry logged an earlier one)
                case "DECIDED", "SUBMITTED_FOR_CENTRAL" -> timed.add(clock(s, 3, later(s.scannedAt(), s.loggedStart())));
                // step 4 from the submission it ends: the case's latest one, or the logged one for a
                // submission the central verifier returned (the case was submitted again after it)
                case "CENTRAL_REVIEWED", "RETURNED_TO_OFFICE" -> timed.add(working(s, 4, submission(s), calendar,
                        standards == null ? 1 : standards.centralReviewDays()));
                case "ACTIVATED" -> timed.add(clock(s, 5, s.loggedStart()));
                case "COMPLETED" -> {
                    // the SOP counts the service from the citizen at the operator, not from registration
                    Instant start = or(s.scannedAt(), s.loggedStart());
                    timed.add(standards == null || standards.completionDays() == null ? clock(s, 99, start)
                            : working(s, 99, start, calendar, standards.completionDays()));
                }
                default -> {
                    // an entry without an SOP step is not reported as one
                }
            }
        }
        return timed;
    }

    static List<StepReport> steps(List<Timed> timed) {
        Map<String, List<Timed>> byAction = timed.stream()
                .collect(Collectors.groupingBy(t -> t.step().action(), LinkedHashMap::new, Collectors.toList()));
        return byAction.entrySet().stream().map(e -> {
            List<Timed> list = e.getValue();
            Timed last = list.get(list.size() - 1);
            long within = list.stream().filter(Timed::within).count();
            return new StepReport(e.getKey(), last.sopStep(), last.standardSeconds(), last.workingDays(), list.size(),
                    round(average(list)), round(p90(list)), within, percent(within, list.size()));
        }).sorted(Comparator.comparingInt(StepReport::sopStep).thenComparing(StepReport::action)).toList();
    }

    static List<DayThroughput> throughput(List<Timed> timed, ZoneId zone, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        timed.stream().filter(t -> decides(t.step().action()))
                .forEach(t -> days.merge(t.step().endedAt().atZone(zone).toLocalDate(), 1L, Long::sum));
        return days.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .map(e -> new DayThroughput(e.getKey(), e.getValue())).toList();
    }

    static List<Breach> breaches(List<Timed> timed, ZoneId zone) {
        return timed.stream().filter(t -> !t.within())
                .sorted(Comparator.comparing((Timed t) -> t.step().endedAt()).reversed())
                .map(t -> new Breach(t.step().caseId(), t.step().action(), t.sopStep(), t.step().operator(),
                        LOCAL.format(t.step().endedAt().atZone(zone)),
                        t.seconds(), t.standardSeconds(), t.workingDays()))
                .toList();
    }

    /** Per operator: the steps they ended that decide a case (counter decision, submission, central review). */
    static List<OperatorFigures> operators(List<Timed> timed) {
        Map<String, List<Timed>> byOperator = timed.stream()
                .filter(t -> t.step().operator() != null && t.sopStep() <= 4)
                .collect(Collectors.groupingBy(t -> t.step().operator(), TreeMap::new, Collectors.toList()));
        return byOperator.entrySet().stream().map(e -> {
            List<Timed> list = e.getValue();
            return new OperatorFigures(e.getKey(), list.size(), round(average(list)), round(p90(list)),
                    percent(list.stream().filter(Timed::within).count(), list.size()));
        }).toList();
    }

    static boolean decides(String action) {
        return action.equals("DECIDED") || action.equals("CENTRAL_REVIEWED");
    }

    private static Timed clock(MeasuredStep s, int sopStep, Instant start) {
        return new Timed(s, sopStep, Math.max(0, Duration.between(start, s.endedAt()).toSeconds()),
                s.loggedStandardSeconds(), null);
    }

    private static Timed working(MeasuredStep s, int sopStep, Instant start, WorkingCalendar calendar, int days) {
        return new Timed(s, sopStep, calendar.workingTime(start, s.endedAt()).toSeconds(),
                calendar.workingDays(days).toSeconds(), days);
    }

    private static Instant later(Instant scanned, Instant logged) {
        return scanned == null || logged.isAfter(scanned) ? logged : scanned;
    }

    private static Instant submission(MeasuredStep s) {
        Instant latest = s.submittedForReviewAt();
        return latest != null && !latest.isAfter(s.endedAt()) && s.action().equals("CENTRAL_REVIEWED") ? latest
                : s.loggedStart();
    }

    private static Instant or(Instant first, Instant second) {
        return first != null ? first : second;
    }

    private static double average(List<Timed> list) {
        return list.stream().mapToLong(Timed::seconds).average().orElse(0);
    }

    /** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont(0.9). */
    static double p90(List<Timed> list) {
        long[] values = list.stream().mapToLong(Timed::seconds).sorted().toArray();
        if (values.length == 0) {
            return 0;
        }
        double position = 0.9 * (values.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return values[lower] + (position - lower) * (values[upper] - values[lower]);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : round(100.0 * part / whole);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
