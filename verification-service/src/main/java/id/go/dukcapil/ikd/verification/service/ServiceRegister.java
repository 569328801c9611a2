package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.Holiday;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.verification.repository.ServiceRegisterRepository;
import id.go.dukcapil.ikd.verification.repository.ServiceRegisterRepository.Served;
import id.go.dukcapil.ikd.verification.service.RegisterRecap.Recap;
import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The buku pelayanan as the office's register (SOP seed 004, "Pencatatan di Buku Pelayanan"): one
 * row per service, that is per case the office scanned, with its running number, local date and
 * time, the citizen (masked NIK and name, for the office's own operators only), the channel, the
 * operator, the result and reason in words, and each step's time against its standard as the SLA
 * report times it. Filtered by date range and operator; exported as CSV and PDF; summed up by month.
 */
@ApplicationScoped
public class ServiceRegister {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ServiceRegisterRepository repository;
    private final OfficeRepository offices;
    private final CalendarRepository calendar;
    private final PopulationRegistry registry;
    private final ServiceReportService reports;
    private final Bulkheads bulkheads;
    private final VerificationConfig config;

    public ServiceRegister(ServiceRegisterRepository repository, OfficeRepository offices, CalendarRepository calendar,
            PopulationRegistry registry, ServiceReportService reports, Bulkheads bulkheads, VerificationConfig config) {
        this.repository = repository;
        this.offices = offices;
        this.calendar = calendar;
        this.registry = registry;
        this.reports = reports;
        this.bulkheads = bulkheads;
        this.config = config;
    }

    /** A step's time: working seconds when {@code workingDays} is set, else clock seconds. */
    public record StepTime(int sopStep, long seconds, long standardSeconds, Integer workingDays, boolean within) {
    }

    /**
     * @param nikMasked null, like {@code name}, when the reader is not of the office
     * @param name      null too when the registry does not know the NIK (or retention erased it)
     */
    public record Row(long number, UUID caseId, String date, String time, String nikMasked, String name,
            String channel, String operator, String operatorName, String status, String reasonCode, String reasonNote,
            List<StepTime> steps, String receiptReference, Instant scannedAt) {

        public StepTime step(int sopStep) {
            return steps.stream().filter(s -> s.sopStep() == sopStep).findFirst().orElse(null);
        }
    }

    /** @param personalData whether the rows carry masked NIK and name (the reader is of this office) */
    public record Register(String officeCode, String officeName, OfficeTimeZone zone, LocalDate from, LocalDate to,
            String operator, boolean personalData, List<Row> rows) {
    }

    /**
     * The register of an office over local days {@code from} to {@code to}, optionally of one
     * operator; refused past {@code ikd.verification.prints.max-register-rows} (narrow the range).
     */
    public Uni<Register> register(OperatorPrincipal principal, String officeCode, LocalDate from, LocalDate to,
            String operator) {
        return read(principal, officeCode, from, to, operator, true).chain(this::bounded);
    }

    /** The month's recap of the office, as offices report upward: counts only, so no one's name is read. */
    public Uni<Recap> recap(OperatorPrincipal principal, String officeCode, YearMonth month) {
        return read(principal, officeCode, month.atDay(1), month.atEndOfMonth(), null, false)
                .map(register -> RegisterRecap.of(register, month));
    }

    private Uni<Register> read(OperatorPrincipal principal, String officeCode, LocalDate from, LocalDate to,
            String operator, boolean people) {
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.INVALID_DATE_RANGE,
                    "Tanggal akhir harus setelah tanggal awal, paling lama satu tahun.",
                    "The end date must follow the start date, one year at most."));
        }
        String code;
        try {
            code = reports.officeFor(principal, officeCode);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        String who = operator == null || operator.isBlank() ? null : operator.strip();
        boolean personal = people && code.equals(principal.officeCode());
        return Panache.withSession(() -> offices.findById(code)).chain(office -> {
            if (office == null) {
                return Uni.createFrom().failure(new ProblemException(VerificationProblems.OFFICE_NOT_FOUND,
                        "Tidak ada kantor dengan kode ini.", "No office has this code."));
            }
            OfficeTimeZone zone = office.zone();
            Instant start = from.atStartOfDay(zone.zoneId()).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone.zoneId()).toInstant();
            return repository.served(code, zone.zoneId(), start, end, who)
                    .chain(served -> rows(office, served, personal))
                    .map(rows -> new Register(code, office.name, zone, from, to, who, personal, rows));
        });
    }

    /** The register as CSV. */
    public Uni<String> csv(Register register) {
        return Uni.createFrom().item(register).map(RegisterExports::csv);
    }

    /** The register as PDF (landscape A4), rendered in the print bulkhead. */
    public Uni<byte[]> pdf(Register register) {
        return bulkheads.named(CounterDocuments.BULKHEAD).run(() -> RegisterExports.pdf(register));
    }

    /** The recap as PDF, rendered in the print bulkhead. */
    public Uni<byte[]> pdf(Recap recap) {
        return bulkheads.named(CounterDocuments.BULKHEAD).run(() -> RegisterExports.pdf(recap));
    }

    private Uni<Register> bounded(Register register) {
        int max = config.prints().maxRegisterRows();
        if (register.rows().size() > max) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.REGISTER_TOO_LARGE,
                    "Lebih dari " + max + " baris; pilih rentang tanggal yang lebih pendek.",
                    "More than " + max + " rows; choose a shorter date range."));
        }
        return Uni.createFrom().item(register);
    }

    private Uni<List<Row>> rows(Office office, List<Served> served, boolean personal) {
        if (served.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> niks = personal ? served.stream().map(Served::nik).collect(Collectors.toSet()) : Set.of();
        Instant first = served.get(0).scannedAt();
        LocalDate firstDay = first.atZone(office.zone().zoneId()).toLocalDate();
        // a case's later steps may end after the range: its holidays up to a year on
        Uni<List<Holiday>> holidays = calendar.holidays(firstDay.minusDays(1), firstDay.plusYears(1).plusDays(366));
        return Uni.combine().all().unis(repository.steps(served.stream().map(Served::caseId).toList()),
                registry.names(niks), holidays, calendar.officeHours(), calendar.workingDayStandards()).asTuple()
                .map(t -> {
                    WorkingCalendar workingCalendar = new WorkingCalendar(office.zone().zoneId(),
                            t.getItem4().getOrDefault(office.code, List.of()),
                            t.getItem3().stream().map(Holiday::day).collect(Collectors.toSet()));
                    Map<UUID, List<StepTime>> steps = SlaFigures.time(t.getItem1(), workingCalendar,
                            t.getItem5().get(office.code)).stream()
                            .collect(Collectors.groupingBy(timed -> timed.step().caseId(), Collectors.mapping(
                                    timed -> new StepTime(timed.sopStep(), timed.seconds(), timed.standardSeconds(),
                                            timed.workingDays(), timed.within()), Collectors.toList())));
                    Map<String, String> names = t.getItem2();
                    return served.stream().map(s -> {
                        var local = s.scannedAt().atZone(office.zone().zoneId());
                        boolean erased = VerificationRetention.NO_NIK.equals(s.nik());
                        return new Row(s.number(), s.caseId(), DATE.format(local), TIME.format(local),
                                personal && !erased ? Masking.nik(s.nik()) : null,
                                personal ? names.get(s.nik()) : null, s.channel(), s.operatorUsername(),
                                s.operatorName(), s.status(),
                                s.reviewReasonCode() != null ? s.reviewReasonCode() : s.reasonCode(),
                                s.reviewNote() != null ? s.reviewNote() : s.reasonNote(),
                                steps.getOrDefault(s.caseId(), List.of()), s.receiptReference(), s.scannedAt());
                    }).toList();
                });
    }
}
