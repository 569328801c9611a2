package id.go.dukcapil.ikd.verification.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import id.go.dukcapil.ikd.verification.service.CaseQueries.QueueLine;
import id.go.dukcapil.ikd.web.Masking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Finding a case by NIK when the citizen cannot show the app's counter code (Probolinggo's step 2:
 * "Memasukkan data NIK pada SIAK"). Only the operator's own office's cases, newest first; every
 * search is audited (masked NIK, the cases found) and limited per operator.
 */
@ApplicationScoped
public class CaseSearch {

    private static final Logger LOG = Logger.getLogger(CaseSearch.class);
    static final int MAX_RESULTS = 20;

    private final CaseRepository cases;
    private final OfficeRepository offices;
    private final AuditLog audit;
    private final CounterRateLimiter limiter;

    public CaseSearch(CaseRepository cases, OfficeRepository offices, AuditLog audit, CounterRateLimiter limiter) {
        this.cases = cases;
        this.offices = offices;
        this.audit = audit;
        this.limiter = limiter;
    }

    /** The office's cases of {@code nik} (16 digits, validated by the caller), newest first. */
    public Uni<List<QueueLine>> byNik(OperatorPrincipal principal, String nik) {
        return limiter.checkSearch(principal.username())
                .chain(() -> Panache.withTransaction(() -> offices.findById(principal.officeCode())
                        .chain(office -> cases.ofNikAtOffice(nik, principal.officeCode(), MAX_RESULTS)
                                .call(found -> audit.append("CASE_SEARCH", principal.username(),
                                        principal.officeCode(), Masking.nik(nik), Map.of("results", found.size(),
                                                "cases", found.stream().map(c -> c.id.toString()).toList())))
                                .map(found -> found.stream().map(c -> new QueueLine(c, office)).toList()))))
                .invoke(found -> LOG.infof("NIK search by %s at %s: %d case(s) for NIK %s", principal.username(),
                        principal.officeCode(), found.size(), Masking.nik(nik)));
    }
}
