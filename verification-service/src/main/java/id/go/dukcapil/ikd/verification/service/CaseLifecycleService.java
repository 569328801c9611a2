package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.CounterCodeIssued;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.messaging.PoisonEventException;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.CounterCode;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.CounterCodeRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.web.Masking;
import io.smallrye.mutiny.Uni;

/**
 * Cases follow the registration's events. Each handler runs inside the inbox transaction of the
 * idempotent consumer, so a redelivered event has no second effect; handlers are also safe
 * against a repeated business fact (same registration, same code) arriving under a new event id.
 */
@ApplicationScoped
public class CaseLifecycleService {

    private static final Logger LOG = Logger.getLogger(CaseLifecycleService.class);
    private static final java.util.regex.Pattern NIK = java.util.regex.Pattern.compile("^\\d{16}$");

    private final CaseRepository cases;
    private final CounterCodeRepository codes;
    private final OfficeRepository offices;
    private final ServiceBook book;
    private final VerificationConfig config;

    public CaseLifecycleService(CaseRepository cases, CounterCodeRepository codes, OfficeRepository offices,
            ServiceBook book, VerificationConfig config) {
        this.cases = cases;
        this.codes = codes;
        this.offices = offices;
        this.book = book;
        this.config = config;
    }

    public Uni<Void> onSubmitted(RegistrationSubmitted event) {
        if (!NIK.matcher(event.nik()).matches()) {
            throw new PoisonEventException("RegistrationSubmitted " + event.registrationId() + " has a malformed NIK");
        }
        return cases.findByRegistration(event.registrationId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            // supersedes: only events of registration-service versions that let the newest
            // registration of a NIK replace the older; registrations no longer cancel each other
            return defaultOffice(event.nik()).chain(office -> open(event, office))
                    .chain(opened -> supersede(event.supersedes()));
        });
    }

    private Uni<Office> defaultOffice(String nik) {
        return offices.covering(nik).chain(covering -> covering.isPresent()
                ? Uni.createFrom().item(covering.get())
                : offices.findById(config.cases().fallbackOffice()));
    }

    private Uni<VerificationCase> open(RegistrationSubmitted event, Office office) {
        VerificationCase c = new VerificationCase();
        c.id = UUID.randomUUID();
        c.registrationId = event.registrationId();
        c.nik = event.nik();
        c.email = event.email();
        c.phone = event.phone();
        c.language = event.language();
        c.deviceKeyJwk = event.deviceKeyJwk();
        c.deviceKeyThumbprint = event.deviceKeyThumbprint();
        c.selfieSha256 = event.selfieSha256();
        c.submittedAt = event.submittedAt();
        c.officeCode = office.code;
        c.defaultOfficeCode = office.code;
        c.status = CaseStatus.QUEUED;
        c.openedAt = Instant.now();
        LOG.infof("case %s opened for registration %s (NIK %s) in the queue of %s", c.id, c.registrationId,
                Masking.nik(c.nik), office.code);
        return cases.persist(c)
                .call(opened -> book.record(opened, ServiceAction.CASE_OPENED, null, office.code, opened.openedAt,
                        null));
    }

    private Uni<Void> supersede(UUID older) {
        if (older == null) {
            return Uni.createFrom().voidItem();
        }
        return cases.findByRegistration(older).chain(c -> {
            if (c == null || !c.status.open()) {
                return Uni.createFrom().voidItem();
            }
            c.status = CaseStatus.SUPERSEDED;
            c.closedAt = Instant.now();
            return book.record(c, ServiceAction.SUPERSEDED, null, c.officeCode, c.closedAt, null);
        });
    }

    public Uni<Void> onCounterCode(CounterCodeIssued event) {
        CounterCode code = new CounterCode();
        code.codeId = event.codeId();
        code.registrationId = event.registrationId();
        code.shortCode = event.shortCode().toUpperCase();
        code.sequence = event.sequence();
        code.issuedAt = event.issuedAt();
        code.expiresAt = event.expiresAt();
        return codes.record(code);
    }

    public Uni<Void> onWithdrawn(RegistrationWithdrawn event) {
        return cases.findByRegistration(event.registrationId()).chain(c -> {
            if (c == null || c.status == CaseStatus.ACTIVATED) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> closed = c.status == CaseStatus.WITHDRAWN || c.status == CaseStatus.SUPERSEDED
                    ? Uni.createFrom().voidItem() : close(c, event);
            // the citizen asked for erasure (UU PDP): the case leaves the queue and is pseudonymised
            // now, as the retention job would after its period; status and dates stay for statistics
            return event.reason() == WithdrawalReason.CITIZEN_REQUEST
                    ? closed.invoke(() -> pseudonymise(c))
                            .invoke(() -> LOG.infof("case %s pseudonymised: registration withdrawn by the citizen", c.id))
                    : closed;
        });
    }

    private Uni<Void> close(VerificationCase c, RegistrationWithdrawn event) {
        // SUPERSEDED: another registration of the NIK was approved at a counter (the approval
        // usually closed this case already, in its own transaction)
        boolean superseded = event.reason() == WithdrawalReason.SUPERSEDED;
        c.status = superseded ? CaseStatus.SUPERSEDED : CaseStatus.WITHDRAWN;
        c.closedAt = event.withdrawnAt();
        return book.record(c, superseded ? ServiceAction.SUPERSEDED : ServiceAction.WITHDRAWN, null, c.officeCode,
                Instant.now(), "reason " + event.reason()
                        + (event.supersededBy() == null ? "" : ", chosen " + event.supersededBy()));
    }

    /** The same emptied fields as {@link VerificationRetention#CLOSED_CASES}. */
    private static void pseudonymise(VerificationCase c) {
        c.nik = VerificationRetention.NO_NIK;
        c.email = "";
        c.phone = "";
        c.deviceKeyJwk = "";
        c.deviceKeyThumbprint = "";
        c.selfieSha256 = "";
    }

    /** IdentityActivated, either contract version: only the registration and the time are read. */
    public Uni<Void> onActivated(UUID registrationId, Instant activatedAt) {
        return cases.findByRegistration(registrationId).chain(c -> {
            if (c == null || c.status == CaseStatus.ACTIVATED) {
                return Uni.createFrom().voidItem();
            }
            c.status = CaseStatus.ACTIVATED;
            c.activatedAt = activatedAt;
            c.closedAt = activatedAt;
            return offices.findById(c.officeCode).chain(office -> book
                    .record(c, ServiceAction.ACTIVATED, null, c.officeCode, activatedAt, 5, c.decidedAt,
                            office.validationMinutes + office.activationMinutes, "PIN dan aktivasi / PIN and activation")
                    .chain(() -> book.record(c, ServiceAction.COMPLETED, null, c.officeCode, activatedAt, null,
                            c.submittedAt, office.completionMinutes, "seluruh layanan / whole service")));
        });
    }
}
