package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * SOP step 3 starts: the operator scans the citizen's counter code and takes the case.
 *
 * <p>Office rule: a case waits in the queue of the office covering the NIK's area; an operator
 * of any office takes it by scanning the citizen's code at their counter (the code proves the
 * citizen is there). From then on only that office sees and decides it.
 */
@ApplicationScoped
public class CaseScanning {

    private final CounterCodeCheck codeCheck;
    private final CaseRepository cases;
    private final ServiceBook book;
    private final CaseQueries queries;

    public CaseScanning(CounterCodeCheck codeCheck, CaseRepository cases, ServiceBook book, CaseQueries queries) {
        this.codeCheck = codeCheck;
        this.cases = cases;
        this.book = book;
        this.queries = queries;
    }

    /**
     * Resolves the scanned QR (compact JWS) or the typed short code and takes the case for the
     * operator's office. {@code operatorToken} lets registration-service confirm the code is current.
     */
    public Uni<CaseDossier> scan(OperatorPrincipal principal, String operatorToken, String qrPayload, String shortCode) {
        Instant now = Instant.now();
        return codeCheck.resolve(qrPayload, shortCode, operatorToken)
                .chain(code -> Panache.withTransaction(() -> codeCheck.recheck(code)
                        .chain(() -> cases.findByRegistration(code.registrationId()))
                        .chain(c -> {
                            if (c == null) {
                                throw new ProblemException(VerificationProblems.CASE_NOT_FOUND,
                                        "Registrasi belum diterima; coba lagi sebentar lagi.",
                                        "The registration has not arrived yet; try again shortly.");
                            }
                            return takeCase(principal, c, now);
                        })))
                .chain(queries::dossier);
    }

    private Uni<VerificationCase> takeCase(OperatorPrincipal principal, VerificationCase c, Instant now) {
        switch (c.status) {
            case QUEUED -> {
                String previousOffice = c.officeCode;
                c.officeCode = principal.officeCode();
                c.status = CaseStatus.IN_REVIEW;
                c.scannedAt = now;
                c.scannedBy = principal.id();
                Uni<Void> takenOver = previousOffice.equals(principal.officeCode()) ? Uni.createFrom().voidItem()
                        : book.record(c, ServiceAction.TAKEN_OVER, principal, principal.officeCode(), now,
                                "dari / from " + previousOffice);
                return takenOver
                        .chain(() -> book.record(c, ServiceAction.SCANNED, principal, c.officeCode, now, 3,
                                c.submittedAt, null, "mulai langkah 3 / step 3 starts"))
                        .replaceWith(c);
            }
            case IN_REVIEW -> {
                if (!c.officeCode.equals(principal.officeCode())) {
                    throw CaseProblems.anotherOffice();
                }
                return Uni.createFrom().item(c); // scanned again at the same office: same case, same clock
            }
            case AWAITING_CENTRAL, APPROVED, REJECTED, ACTIVATED -> throw CaseProblems.alreadyDecided();
            default -> throw CaseProblems.closed();
        }
    }
}
