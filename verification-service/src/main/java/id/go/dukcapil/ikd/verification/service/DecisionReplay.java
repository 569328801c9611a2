package id.go.dukcapil.ikd.verification.service;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.IdempotentRequests;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The Idempotency-Key of an operator's decision and of a central review: the key is bound to its
 * operation with the case id, and a request sent again with it answers with the case as it is now,
 * which that first request made, instead of deciding twice.
 */
@ApplicationScoped
public class DecisionReplay {

    private final IdempotentRequests idempotent;
    private final CaseRepository cases;
    private final CaseQueries queries;

    public DecisionReplay(IdempotentRequests idempotent, CaseRepository cases, CaseQueries queries) {
        this.idempotent = idempotent;
        this.cases = cases;
        this.queries = queries;
    }

    /**
     * A decision or review sent again with its key answers with the case as it is now, which that
     * decision made; else {@code fresh} decides (and records the case id with {@link #remember}).
     */
    Uni<CaseDossier> once(OperatorPrincipal principal, UUID caseId, IdempotencyKey key, String operation,
            Supplier<Uni<CaseDossier>> fresh) {
        return idempotent.replay(key, operation, UUID.class).chain(earlier -> earlier.isEmpty() ? fresh.get()
                : Panache.withSession(() -> cases.findById(caseId).invoke(c -> queries.requireVisible(principal, c)))
                        .chain(queries::dossier));
    }

    /** Records the decided case's id with the key, in the transaction that decided it. */
    Uni<Void> remember(IdempotencyKey key, String operation, UUID caseId) {
        return idempotent.record(key, operation, caseId);
    }
}
