package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * What an operator's final decision ({@link CaseDecisions}) and a central verifier's review
 * ({@link CentralReviewService}) share: the registry rule an approval must pass, the decision event,
 * the closing of the NIK's other open cases when one is approved, and the decisions metric.
 */
@ApplicationScoped
public class FinalDecisions {

    private static final Logger LOG = Logger.getLogger(FinalDecisions.class);

    private final CaseRepository cases;
    private final ServiceBook book;
    private final MeterRegistry meters;
    private final PublishedEvents events;
    private final Outbox outbox;

    public FinalDecisions(CaseRepository cases, ServiceBook book, MeterRegistry meters, PublishedEvents events,
            Outbox outbox) {
        this.cases = cases;
        this.outbox = outbox;
        this.book = book;
        this.meters = meters;
        this.events = events;
    }

    /**
     * Writes the decision's events, in the contract version configured ({@link PublishedEvents}),
     * into the outbox of the decision's transaction.
     */
    Uni<Void> publishDecided(VerificationCase c, CaseDecision d, Office office, Resident resident, String decidedBy,
            Instant decidedAt) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (IkdEvent event : events.decided(c, d, office, resident, decidedBy, decidedAt)) {
            chain = chain.chain(() -> outbox.append(event).replaceWithVoid());
        }
        return chain;
    }

    /**
     * The counter chose: the approved registration is the one on the citizen's phone, so every
     * other open case of the NIK closes, in the approval's transaction (registration-service
     * withdraws the registrations when the decision reaches it). A rejection closes nothing: the
     * rejected one may have been a stranger's. Two approvals of one NIK at once touch each
     * other's case: the optimistic lock lets one commit and answers the other CASE_CHANGED.
     */
    Uni<Void> supersedeOthers(VerificationCase approved, OperatorPrincipal principal, Instant now) {
        return cases.openOfNik(approved.nik, approved.id).chain(others -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (VerificationCase other : others) {
                other.status = CaseStatus.SUPERSEDED;
                other.closedAt = now;
                chain = chain.chain(() -> book.record(other, ServiceAction.SUPERSEDED, principal, other.officeCode, now,
                        "dipilih di loket / chosen at the counter: " + approved.registrationId));
            }
            if (!others.isEmpty()) {
                LOG.infof("case %s approved: %d other open case(s) of its NIK superseded", approved.id, others.size());
            }
            return chain;
        });
    }

    /** Committed decisions and submissions, per office and outcome (Prometheus: ikd_verification_decisions_total). */
    void count(VerificationCase c, String stage) {
        meters.counter("ikd.verification.decisions", "office", c.officeCode, "stage", stage, "status", c.status.name())
                .increment();
    }

    /** An approval needs a registry record that matches, and the physical KTP-el checked where one was printed. */
    static void requireApprovable(Optional<Resident> resident, boolean ktpElChecked, String nik) {
        List<RegistryComparison.Flag> flags = RegistryComparison.compare(nik, resident);
        if (RegistryComparison.blocksApproval(flags)) {
            List<String> blocking = new ArrayList<>();
            flags.stream().filter(f -> f.severity() == RegistryComparison.Severity.BLOCKING)
                    .forEach(f -> blocking.add(f.code()));
            throw new ProblemException(VerificationProblems.APPROVAL_BLOCKED,
                    "Tolak dengan alasan yang sesuai.", "Reject with the matching reason.").with("flags", blocking);
        }
        boolean cardExists = !Resident.RECORDED_NOT_PRINTED.equals(resident.get().ktpElStatus());
        if (cardExists && !ktpElChecked) {
            throw new ProblemException(VerificationProblems.KTP_EL_NOT_CHECKED,
                    "Periksa KTP-el fisik pemohon lalu centang konfirmasinya.",
                    "Check the citizen's physical KTP-el, then tick the confirmation.");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
