package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.Holiday;
import id.go.dukcapil.ikd.verification.domain.Labels;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.ServiceLogEntry;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository.CaseFigures;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository.MeasuredStep;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository;
import id.go.dukcapil.ikd.verification.service.SlaFigures.Breach;
import id.go.dukcapil.ikd.verification.service.SlaFigures.DayThroughput;
import id.go.dukcapil.ikd.verification.service.SlaFigures.OperatorFigures;
import id.go.dukcapil.ikd.verification.service.SlaFigures.StepReport;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The buku pelayanan of a day and the SLA report: how each office's steps compare with its standard. */
@ApplicationScoped
public class ServiceReportService {

    private final ServiceLogRepository log;
    private final OfficeRepository offices;
    private final VerificationConfig config;
    private final CalendarRepository calendar;

    public ServiceReportService(ServiceLogRepository log, OfficeRepository offices, VerificationConfig config,
            CalendarRepository calendar) {
        this.calendar = calendar;
        this.log = log;
        this.offices = offices;
        this.config = config;
    }

    /**
     * @param timeZone WIB, WITA or WIT: the office's days are counted in it
     * @param casesOpened opened = open + approved + activated + rejected + withdrawn + superseded
     */
    public record OfficeReport(String officeCode, String officeName, String approvalModel, String timeZone, long casesOpened,
            long casesOpen, long approved, long activated, long rejected, long withdrawn, long superseded,
            List<StepReport> steps, List<DayThroughput> throughput, long decided, List<Breach> breaches,
            List<OperatorFigures> operators) {
    }

    public record SlaReport(LocalDate from, LocalDate to, List<OfficeReport> offices) {
    }

    /** A day of an office's buku pelayanan, its bounds and times in the office's own zone. */
    public record DayLog(String officeCode, String officeName, OfficeTimeZone zone, LocalDate day,
            List<ServiceLogEntry> entries) {
    }

    /**
     * The day's log of an office (default: today where the office is); admins and central
     * verifiers may read any office's. The day runs midnight to midnight in the office's zone.
     */
    public Uni<DayLog> day(OperatorPrincipal principal, String officeCode, LocalDate requestedDay) {
        String code = officeFor(principal, officeCode);
        return Panache.withSession(() -> offices.findById(code).chain(office -> {
            OfficeTimeZone zone = office == null ? OfficeTimeZone.WIB : office.zone();
            LocalDate day = requestedDay != null ? requestedDay : LocalDate.now(zone.zoneId());
            Instant from = day.atStartOfDay(zone.zoneId()).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone.zoneId()).toInstant();
            return log.between(code, from, to)
                    .map(entries -> new DayLog(code, office == null ? code : office.name, zone, day, entries));
        }));
    }

    /** Each office's figures over its own days: from midnight of {@code from} to the end of {@code to} in its zone. */
    public Uni<SlaReport> sla(OperatorPrincipal principal, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.INVALID_DATE_RANGE,
                    "Tanggal akhir harus setelah tanggal awal, paling lama satu tahun.",
                    "The end date must follow the start date, one year at most."));
        }
        boolean everyOffice = seesEveryOffice(principal);
        return Panache.withSession(() -> offices.all()).chain(all -> {
            List<Office> visible = all.stream().filter(o -> everyOffice || o.code.equals(principal.officeCode())).toList();
            Map<OfficeTimeZone, List<Office>> byZone = visible.stream().collect(Collectors.groupingBy(Office::zone,
                    () -> new EnumMap<>(OfficeTimeZone.class), Collectors.toList()));
            if (byZone.isEmpty()) {
                return Uni.createFrom().item(new SlaReport(from, to, List.of()));
            }
            List<Uni<List<OfficeReport>>> zones = byZone.entrySet().stream()
                    .map(zone -> zoneReports(zone.getKey(), zone.getValue(), from, to)).toList();
            return Uni.join().all(zones).andFailFast().map(parts -> {
                Map<String, OfficeReport> byCode = parts.stream().flatMap(List::stream)
                        .collect(Collectors.toMap(OfficeReport::officeCode, Function.identity()));
                return new SlaReport(from, to, visible.stream().map(o -> byCode.get(o.code)).toList());
            });
        });
    }

    private Uni<List<OfficeReport>> zoneReports(OfficeTimeZone zone, List<Office> zoneOffices, LocalDate from,
            LocalDate to) {
        Instant start = from.atStartOfDay(zone.zoneId()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone.zoneId()).toInstant();
        // the working-day clock of a step may reach back before the window: holidays from a year before
        Uni<List<Holiday>> holidays = calendar.holidays(from.minusYears(1), to.plusDays(1));
        return Uni.combine().all().unis(log.measuredSteps(start, end), log.caseFigures(start, end), holidays,
                calendar.officeHours(), calendar.workingDayStandards()).asTuple()
                .map(figures -> {
                    Map<String, CaseFigures> cases = figures.getItem2().stream()
                            .collect(Collectors.toMap(CaseFigures::officeCode, Function.identity()));
                    Map<String, List<MeasuredStep>> steps = figures.getItem1().stream()
                            .collect(Collectors.groupingBy(MeasuredStep::officeCode));
                    Set<LocalDate> days = figures.getItem3().stream().map(Holiday::day).collect(Collectors.toSet());
                    return zoneOffices.stream().map(o -> {
                        WorkingCalendar workingCalendar = new WorkingCalendar(zone.zoneId(),
                                figures.getItem4().getOrDefault(o.code, List.of()), days);
                        List<SlaFigures.Timed> timed = SlaFigures.time(steps.getOrDefault(o.code, List.of()),
                                workingCalendar, figures.getItem5().get(o.code));
                        return report(o, cases.get(o.code), timed, from, to);
                    }).toList();
                });
    }

    private static OfficeReport report(Office office, CaseFigures cases, List<SlaFigures.Timed> timed, LocalDate from,
            LocalDate to) {
        CaseFigures c = cases != null ? cases : new CaseFigures(office.code, 0, 0, 0, 0, 0, 0, 0);
        List<DayThroughput> throughput = SlaFigures.throughput(timed, office.zone().zoneId(), from, to);
        return new OfficeReport(office.code, office.name, office.approvalModel.name(), office.zone().name(),
                c.opened(), c.open(), c.approved(), c.activated(), c.rejected(), c.withdrawn(), c.superseded(),
                SlaFigures.steps(timed), throughput, throughput.stream().mapToLong(DayThroughput::decided).sum(),
                SlaFigures.breaches(timed, office.zone().zoneId()), SlaFigures.operators(timed));
    }

    String officeFor(OperatorPrincipal principal, String requested) {
        if (requested == null || requested.isBlank() || requested.equals(principal.officeCode())) {
            return principal.officeCode();
        }
        if (!seesEveryOffice(principal)) {
            throw new ProblemException(VerificationProblems.CASE_OF_ANOTHER_OFFICE,
                    "Buku pelayanan kantor lain tidak dapat dibuka.", "Another office's service log cannot be opened.");
        }
        return requested;
    }

    private boolean seesEveryOffice(OperatorPrincipal principal) {
        return principal.has(Role.ADMIN)
                || (principal.has(Role.SUPERVISOR) && config.cases().centralOffice().equals(principal.officeCode()));
    }

    /**
     * The day's log as CSV (RFC 4180), for the office's records: times in the office's zone (ISO
     * 8601 with its offset, and the zone's name), actions and results in words, Indonesian / English.
     */
    public static String csv(DayLog day) {
        StringBuilder out = new StringBuilder("waktu_lokal_local_time,zona_zone,kantor_office,petugas_operator,"
                + "kasus_case,registrasi_registration,tindakan_action,langkah_sop_step,durasi_detik_duration_s,"
                + "standar_detik_standard_s,sesuai_standar_within_standard,catatan_note\r\n");
        for (ServiceLogEntry e : day.entries()) {
            Boolean within = e.withinStandard();
            out.append(String.join(",", cell(e.occurredAt.atZone(day.zone().zoneId()).toOffsetDateTime().toString()),
                    cell(day.zone().name()), cell(e.officeCode),
                    cell(e.operatorUsername == null ? "sistem / system" : e.operatorUsername),
                    cell(e.caseId.toString()), cell(e.registrationId.toString()),
                    cell(Labels.action(e.action.name()).plain()), cell(e.sopStep), cell(e.durationSeconds),
                    cell(e.standardSeconds), cell(within == null ? null : within ? "ya / yes" : "tidak / no"),
                    cell(Labels.note(e.note)))).append("\r\n");
        }
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ would run as a formula in a spreadsheet (CSV injection).
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
