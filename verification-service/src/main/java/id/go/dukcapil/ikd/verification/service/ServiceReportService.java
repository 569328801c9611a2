package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.ServiceLogEntry;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository.CaseFigures;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository.StepFigures;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The buku pelayanan of a day and the SLA report: how each office's steps compare with its standard. */
@ApplicationScoped
public class ServiceReportService {

    private final ServiceLogRepository log;
    private final OfficeRepository offices;
    private final VerificationConfig config;

    public ServiceReportService(ServiceLogRepository log, OfficeRepository offices, VerificationConfig config) {
        this.log = log;
        this.offices = offices;
        this.config = config;
    }

    /** One measured step of an office in the report. */
    public record StepReport(String action, int sopStep, long standardSeconds, long measured, double averageSeconds,
            double p90Seconds, long withinStandard, double withinStandardPercent) {
    }

    public record OfficeReport(String officeCode, String officeName, String approvalModel, long casesOpened,
            long casesOpen, long approved, long rejected, long activated, List<StepReport> steps) {
    }

    public record SlaReport(LocalDate from, LocalDate to, String zone, List<OfficeReport> offices) {
    }

    /** The day's log of an office; admins and central verifiers may read any office's. */
    public Uni<List<ServiceLogEntry>> day(OperatorPrincipal principal, String officeCode, LocalDate day) {
        String office = officeFor(principal, officeCode);
        Instant from = day.atStartOfDay(config.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(config.zone()).toInstant();
        return Panache.withSession(() -> log.between(office, from, to));
    }

    public Uni<SlaReport> sla(OperatorPrincipal principal, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.INVALID_DATE_RANGE,
                    "Tanggal akhir harus setelah tanggal awal, paling lama satu tahun.",
                    "The end date must follow the start date, one year at most."));
        }
        Instant start = from.atStartOfDay(config.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(config.zone()).toInstant();
        boolean everyOffice = seesEveryOffice(principal);
        return Panache.withSession(() -> offices.all()).chain(all -> Uni.combine().all()
                .unis(log.stepFigures(start, end), log.caseFigures(start, end)).asTuple()
                .map(figures -> {
                    Map<String, CaseFigures> cases = figures.getItem2().stream()
                            .collect(Collectors.toMap(CaseFigures::officeCode, Function.identity()));
                    Map<String, List<StepFigures>> steps = figures.getItem1().stream()
                            .collect(Collectors.groupingBy(StepFigures::officeCode));
                    List<OfficeReport> reports = all.stream()
                            .filter(o -> everyOffice || o.code.equals(principal.officeCode()))
                            .map(o -> report(o, cases.get(o.code), steps.getOrDefault(o.code, List.of())))
                            .toList();
                    return new SlaReport(from, to, config.zone().getId(), reports);
                }));
    }

    private static OfficeReport report(Office office, CaseFigures cases, List<StepFigures> steps) {
        List<StepReport> stepReports = steps.stream()
                .map(s -> new StepReport(s.action(), sopStep(s.action()), standardSeconds(office, s.action()),
                        s.measured(), round(s.averageSeconds()), round(s.p90Seconds()), s.withinStandard(),
                        s.measured() == 0 ? 0 : round(100.0 * s.withinStandard() / s.measured())))
                .sorted(Comparator.comparingInt(StepReport::sopStep))
                .toList();
        return new OfficeReport(office.code, office.name, office.approvalModel.name(),
                cases == null ? 0 : cases.opened(), cases == null ? 0 : cases.open(),
                cases == null ? 0 : cases.approved(), cases == null ? 0 : cases.rejected(),
                cases == null ? 0 : cases.activated(), stepReports);
    }

    private static int sopStep(String action) {
        return switch (action) {
            case "DECIDED", "SUBMITTED_FOR_CENTRAL" -> 3;
            case "CENTRAL_REVIEWED" -> 4;
            case "ACTIVATED" -> 5;
            case "COMPLETED" -> 99;
            default -> 0;
        };
    }

    private static long standardSeconds(Office office, String action) {
        return 60L * switch (action) {
            case "DECIDED", "SUBMITTED_FOR_CENTRAL" -> office.verificationMinutes;
            case "CENTRAL_REVIEWED" -> office.validationMinutes;
            case "ACTIVATED" -> office.validationMinutes + office.activationMinutes;
            case "COMPLETED" -> office.completionMinutes;
            default -> 0;
        };
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private String officeFor(OperatorPrincipal principal, String requested) {
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

    /** The day's log as CSV (RFC 4180), for the office's records. */
    public static String csv(List<ServiceLogEntry> entries) {
        StringBuilder out = new StringBuilder(
                "occurred_at,office_code,operator,case_id,registration_id,action,sop_step,duration_seconds,standard_seconds,within_standard,note\r\n");
        for (ServiceLogEntry e : entries) {
            out.append(String.join(",", cell(e.occurredAt.toString()), cell(e.officeCode), cell(e.operatorUsername),
                    cell(e.caseId.toString()), cell(e.registrationId.toString()), cell(e.action.name()),
                    cell(e.sopStep), cell(e.durationSeconds), cell(e.standardSeconds), cell(e.withinStandard()),
                    cell(e.note))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
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
