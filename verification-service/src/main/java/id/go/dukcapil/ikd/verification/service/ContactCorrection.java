package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.mapping.EventMapper;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.web.ContactValidator;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Correcting the citizen's email or phone at the counter (issue 17, item 7), with the citizen
 * present and the KTP-el checked: the seeds' "Pemohon dapat mendatangi kantor Dukcapil jika
 * terjadi kendala pada Email". One transaction writes the case's new contact, the audit entry,
 * the buku pelayanan line and ContactCorrected (outbox); registration-service, activation-service
 * (a fresh PIN to the new contact) and notification-service (the old contact warned, the new one
 * confirmed) follow the event. Limited per operator and per case.
 */
@ApplicationScoped
public class ContactCorrection {

    private static final Logger LOG = Logger.getLogger(ContactCorrection.class);

    private final CaseRepository cases;
    private final OfficeRepository offices;
    private final AuditLog audit;
    private final ServiceBook book;
    private final Outbox outbox;
    private final ContactValidator contacts;
    private final CounterRateLimiter limiter;

    public ContactCorrection(CaseRepository cases, OfficeRepository offices, AuditLog audit, ServiceBook book,
            Outbox outbox, ContactValidator contacts, CounterRateLimiter limiter) {
        this.cases = cases;
        this.offices = offices;
        this.audit = audit;
        this.book = book;
        this.outbox = outbox;
        this.contacts = contacts;
        this.limiter = limiter;
    }

    /** The correction as the operator submits it; a blank email or phone stays as it is. */
    public record Command(String email, String phone, boolean citizenPresent, boolean ktpElChecked) {
    }

    /** What was recorded: the case's contact now, masked, and what changed. */
    public record Corrected(UUID correctionId, UUID caseId, String emailMasked, String phoneMasked,
            boolean emailChanged, boolean phoneChanged, Instant correctedAt) {
    }

    public Uni<Corrected> correct(OperatorPrincipal principal, UUID caseId, Command command) {
        if (!command.citizenPresent() || !command.ktpElChecked()) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.PRESENCE_NOT_CONFIRMED,
                    "Koreksi kontak hanya di hadapan pemohon setelah KTP-el-nya diperiksa; centang kedua pernyataan.",
                    "A contact is corrected only with the citizen present and their KTP-el checked; tick both."));
        }
        String email;
        String phone;
        try {
            email = blank(command.email()) ? null : contacts.email(command.email().strip());
            phone = blank(command.phone()) ? null : contacts.phone(command.phone());
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        if (email == null && phone == null) {
            return Uni.createFrom().failure(unchanged());
        }
        return limiter.checkCorrection(principal.username())
                .chain(() -> Panache.withTransaction(() -> cases.findById(caseId)
                        .chain(c -> apply(principal, requireCorrectable(principal, c), email, phone))))
                .invoke(done -> LOG.infof("contact of case %s corrected at %s by %s (email %s, phone %s)", caseId,
                        principal.officeCode(), principal.username(), done.emailChanged(), done.phoneChanged()));
    }

    private Uni<Corrected> apply(OperatorPrincipal principal, VerificationCase c, String email, String phone) {
        String previousEmail = email != null && !email.equals(c.email) ? c.email : null;
        String previousPhone = phone != null && !phone.equals(c.phone) ? c.phone : null;
        if (previousEmail == null && previousPhone == null) {
            throw unchanged();
        }
        Instant now = Instant.now();
        UUID correctionId = UUID.randomUUID();
        if (previousEmail != null) {
            c.email = email;
        }
        if (previousPhone != null) {
            c.phone = phone;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("correctionId", correctionId.toString());
        details.put("registrationId", c.registrationId.toString());
        details.put("citizenPresent", true);
        details.put("ktpElChecked", true);
        if (previousEmail != null) {
            details.put("email", Masking.email(previousEmail) + " -> " + Masking.email(c.email));
        }
        if (previousPhone != null) {
            details.put("phone", Masking.phone(previousPhone) + " -> " + Masking.phone(c.phone));
        }
        String note = (previousEmail != null ? "email" : "") + (previousEmail != null && previousPhone != null ? ", " : "")
                + (previousPhone != null ? "phone" : "");
        return limiter.checkCaseCorrection(c.id).chain(() -> offices.findById(principal.officeCode())).chain(office -> audit
                .append("CONTACT_CORRECTED", principal.username(), principal.officeCode(), c.id.toString(), details)
                .chain(() -> book.record(c, ServiceAction.CONTACT_CORRECTED, principal, principal.officeCode(), now,
                        "contact " + note))
                .chain(() -> outbox.append(event(correctionId, c, previousEmail, previousPhone, office, now)))
                .chain(() -> cases.persistAndFlush(c))
                .map(saved -> new Corrected(correctionId, c.id, Masking.email(c.email), Masking.phone(c.phone),
                        previousEmail != null, previousPhone != null, now)));
    }

    private static ContactCorrected event(UUID correctionId, VerificationCase c, String previousEmail,
            String previousPhone, Office office, Instant now) {
        return new ContactCorrected(correctionId, c.registrationId, c.email, c.phone, previousEmail, previousPhone,
                c.language, EventMapper.contact(office), now);
    }

    /**
     * Only the office that holds the case, with the citizen at its counter; only while a PIN can
     * still matter (not rejected, withdrawn, replaced or already activated).
     */
    private static VerificationCase requireCorrectable(OperatorPrincipal principal, VerificationCase c) {
        if (c == null) {
            throw new ProblemException(VerificationProblems.CASE_NOT_FOUND);
        }
        if (!Objects.equals(c.officeCode, principal.officeCode())) {
            throw new ProblemException(VerificationProblems.CASE_OF_ANOTHER_OFFICE);
        }
        if (c.status != CaseStatus.QUEUED && c.status != CaseStatus.IN_REVIEW
                && c.status != CaseStatus.AWAITING_CENTRAL && c.status != CaseStatus.APPROVED) {
            throw new ProblemException(VerificationProblems.CONTACT_NOT_CORRECTABLE,
                    "Kasus ini sudah ditutup atau IKD-nya sudah aktif (status " + c.status + ").",
                    "This case is closed or its IKD is already active (status " + c.status + ").");
        }
        return c;
    }

    private static ProblemException unchanged() {
        return new ProblemException(VerificationProblems.CONTACT_UNCHANGED,
                "Isi email atau nomor ponsel baru yang berbeda dari yang sekarang.",
                "Enter a new email or mobile number different from the current one.");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
