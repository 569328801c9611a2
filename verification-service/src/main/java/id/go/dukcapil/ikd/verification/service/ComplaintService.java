package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.Complaint;
import id.go.dukcapil.ikd.verification.domain.ComplaintCategory;
import id.go.dukcapil.ikd.verification.domain.ComplaintStatus;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository;
import id.go.dukcapil.ikd.verification.repository.ComplaintRepository;
import id.go.dukcapil.ikd.web.Languages;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.ProofOfWork;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Complaints (pengaduan) from citizens, without login: filed with a solved captcha (single use)
 * within the address's allowance, given a ticket number the citizen is told by email or SMS
 * (ComplaintUpdated through the outbox, in the transaction that records the complaint), and
 * followed with the ticket and the contact given. Its due time is the office's response standard
 * in working days of the office's calendar, in the office's zone.
 */
@ApplicationScoped
public class ComplaintService {

    private static final Logger LOG = Logger.getLogger(ComplaintService.class);
    private static final DateTimeFormatter TICKET_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ComplaintRepository complaints;
    private final CalendarRepository calendar;
    private final PublicRateLimiter limiter;
    private final Outbox outbox;
    private final PublishedEvents events;
    private final VerificationConfig.Complaints config;
    private final ProofOfWork captcha;
    private final Clock clock;

    public ComplaintService(ComplaintRepository complaints, CalendarRepository calendar, PublicRateLimiter limiter,
            Outbox outbox, PublishedEvents events, VerificationConfig config, Clock clock) {
        this.complaints = complaints;
        this.events = events;
        this.calendar = calendar;
        this.limiter = limiter;
        this.outbox = outbox;
        this.config = config.complaints();
        this.clock = clock;
        this.captcha = new ProofOfWork(this.config.captchaKey(), this.config.captchaMaxNumber(),
                this.config.captchaValidity(), clock);
    }

    /** What a citizen files; {@code email} or {@code phone} (or both) to be told the ticket number. */
    public record Filing(String officeCode, ComplaintCategory category, String text, String registrationReference,
            String email, String phone, String language, String captcha) {
    }

    public Uni<List<ComplaintRepository.OfficeChoice>> offices() {
        return complaints.offices();
    }

    public ProofOfWork.Challenge challenge() {
        return captcha.issue();
    }

    public Uni<Complaint> file(Filing filing, String clientAddress) {
        return limiter.checkComplaint(clientAddress).chain(() -> {
            Optional<ProofOfWork.Solution> solved = captcha.verify(filing.captcha());
            if (solved.isEmpty()) {
                return Uni.createFrom().failure(captchaFailed());
            }
            String email = blankToNull(filing.email());
            String phone = Contacts.phone(filing.phone());
            if (email == null && phone == null) {
                return Uni.createFrom().failure(new ProblemException(VerificationProblems.CONTACT_REQUIRED));
            }
            return complaints.office(filing.officeCode()).chain(found -> {
                OfficeContact office = found.orElseThrow(() -> new ProblemException(VerificationProblems.OFFICE_NOT_FOUND,
                        "Pilih kantor dari daftar.", "Choose an office from the list."));
                return dueTime(office, clock.instant())
                        .chain(due -> record(filing, email, phone, office, due, solved.get()));
            });
        });
    }

    private Uni<Complaint> record(Filing filing, String email, String phone, OfficeContact office, Instant due,
            ProofOfWork.Solution solution) {
        Instant now = clock.instant();
        OfficeTimeZone zone = OfficeTimeZone.valueOf(office.timeZone().name());
        LocalDate day = now.atZone(zone.zoneId()).toLocalDate();
        String language = Languages.normalise(filing.language());
        return complaints.pool().withTransaction(tx -> complaints.recordCaptcha(tx, solution.challenge(),
                solution.expiresAt()).chain(first -> {
                    if (!first) {
                        return Uni.createFrom().failure(captchaFailed());
                    }
                    return complaints.nextTicketNumber(tx, office.officeCode(), day);
                }).chain(n -> {
                    String ticket = "ADU-" + office.officeCode() + "-" + TICKET_DAY.format(day) + "-" + n;
                    Complaint c = new Complaint(UUID.randomUUID(), ticket, office.officeCode(), office.name(), zone,
                            filing.category(), filing.text().strip(), blankToNull(filing.registrationReference()),
                            email, phone, language, ComplaintStatus.RECEIVED, null, null, now, due, now, null);
                    return complaints.insert(tx, c)
                            .chain(() -> complaints.addNote(tx, c.id(), new Complaint.Note("warga", ComplaintStatus.RECEIVED,
                                    null, null, now)))
                            .chain(() -> announce(tx, c, office))
                            .invoke(() -> LOG.infof("complaint %s filed with %s (%s)", c.ticket(), c.officeCode(),
                                    c.category()))
                            .replaceWith(c);
                }));
    }

    /** The complaint's event to the citizen, in the transaction {@code tx}. */
    Uni<Void> announce(SqlConnection tx, Complaint c, OfficeContact office) {
        IkdEvent event = events.complaintUpdated(c, office);
        return outbox.appendAll(tx, List.of(new Outbox.TracedEvent(event, Outbox.currentTraceparent()))).replaceWithVoid();
    }

    /**
     * The complaint a ticket names, for its citizen: the contact (email or phone) given when filing
     * must match, so a ticket number alone tells a stranger nothing. Limited like the receipt check.
     */
    public Uni<Complaint> follow(String ticket, String contact, String clientAddress) {
        return limiter.checkReceipt(clientAddress).chain(() -> {
            if (ticket == null || ticket.isBlank() || contact == null || contact.isBlank()) {
                return Uni.createFrom().failure(notFound());
            }
            return complaints.byTicket(ticket.strip().toUpperCase(Locale.ROOT)).map(found -> found
                    .filter(c -> Contacts.matches(c, contact)).orElseThrow(ComplaintService::notFound));
        });
    }

    public Uni<List<Complaint.Note>> history(UUID complaintId) {
        return complaints.notes(complaintId);
    }

    /** When the response standard runs out for a complaint filed {@code at}: the office's hours and holidays. */
    Uni<Instant> dueTime(OfficeContact office, Instant at) {
        OfficeTimeZone zone = OfficeTimeZone.valueOf(office.timeZone().name());
        LocalDate today = at.atZone(zone.zoneId()).toLocalDate();
        return calendar.officeHours().chain(hours -> calendar.holidays(today, today.plusDays(60)).map(holidays -> {
            var days = new HashSet<LocalDate>();
            holidays.forEach(h -> days.add(h.day()));
            return new WorkingCalendar(zone.zoneId(), hours.getOrDefault(office.officeCode(), List.of()), days)
                    .endOfWorkingDaysAfter(at, config.responseDays());
        }));
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeUsedCaptchas() {
        return complaints.purgeCaptchas(clock.instant()).replaceWithVoid();
    }

    static ProblemException notFound() {
        return new ProblemException(VerificationProblems.COMPLAINT_NOT_FOUND,
                "Periksa nomor tiket dan email atau nomor ponsel yang Anda isi saat mengadu.",
                "Check the ticket number and the email or mobile number you gave when filing.");
    }

    private static ProblemException captchaFailed() {
        return new ProblemException(VerificationProblems.CAPTCHA_FAILED, "Selesaikan captcha baru lalu coba lagi.",
                "Solve a new captcha and try again.");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
