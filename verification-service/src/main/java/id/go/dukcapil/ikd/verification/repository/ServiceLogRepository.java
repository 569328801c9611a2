package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.ServiceLogEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ServiceLogRepository implements PanacheRepositoryBase<ServiceLogEntry, Long> {

    private final Pool pool;

    public ServiceLogRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ServiceLogEntry>> between(String officeCode, Instant from, Instant to) {
        return list("officeCode = ?1 and occurredAt >= ?2 and occurredAt < ?3 order by occurredAt, id",
                officeCode, from, to);
    }

    /**
     * Every entry that ends an SOP step with a standard, in the period, with the case's times: the
     * report re-times each step from where its SOP says it starts (step 3: the scan, when the citizen
     * is at the operator). The SCANNED entry ends no step (its duration is the queue wait) and has
     * no standard, so it is not here.
     */
    public Uni<List<MeasuredStep>> measuredSteps(Instant from, Instant to) {
        return pool.preparedQuery("""
                select e.office_code, e.case_id, e.operator_username, e.action, e.occurred_at,
                       e.duration_seconds, e.standard_seconds, c.scanned_at, c.submitted_for_review_at
                from service_log_entry e left join verification_case c on c.id = e.case_id
                where e.occurred_at >= $1 and e.occurred_at < $2
                  and e.duration_seconds is not null and e.standard_seconds is not null
                order by e.occurred_at, e.id""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<MeasuredStep> steps = new ArrayList<>();
                    rows.forEach(row -> {
                        Instant at = row.getOffsetDateTime("occurred_at").toInstant();
                        OffsetDateTime scanned = row.getOffsetDateTime("scanned_at");
                        OffsetDateTime submitted = row.getOffsetDateTime("submitted_for_review_at");
                        steps.add(new MeasuredStep(row.getString("office_code"), row.getUUID("case_id"),
                                row.getString("operator_username"), row.getString("action"), at,
                                at.minusSeconds(row.getLong("duration_seconds")), row.getLong("standard_seconds"),
                                scanned == null ? null : scanned.toInstant(),
                                submitted == null ? null : submitted.toInstant()));
                    });
                    return steps;
                });
    }

    /** Per office: cases opened in the period by their status now; the parts add up to {@code opened}. */
    public Uni<List<CaseFigures>> caseFigures(Instant from, Instant to) {
        return pool.preparedQuery("""
                select office_code, count(*) as opened,
                       count(*) filter (where status in ('QUEUED', 'IN_REVIEW', 'AWAITING_CENTRAL')) as open,
                       count(*) filter (where status = 'APPROVED') as approved,
                       count(*) filter (where status = 'ACTIVATED') as activated,
                       count(*) filter (where status = 'REJECTED') as rejected,
                       count(*) filter (where status = 'WITHDRAWN') as withdrawn,
                       count(*) filter (where status = 'SUPERSEDED') as superseded
                from verification_case where opened_at >= $1 and opened_at < $2 group by office_code""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<CaseFigures> figures = new ArrayList<>();
                    rows.forEach(row -> figures.add(new CaseFigures(row.getString("office_code"), row.getLong("opened"),
                            row.getLong("open"), row.getLong("approved"), row.getLong("activated"),
                            row.getLong("rejected"), row.getLong("withdrawn"), row.getLong("superseded"))));
                    return figures;
                });
    }

    /** One step-ending entry; {@code loggedStart} is where the service book started its clock. */
    public record MeasuredStep(String officeCode, UUID caseId, String operator, String action, Instant endedAt,
            Instant loggedStart, long loggedStandardSeconds, Instant scannedAt, Instant submittedForReviewAt) {
    }

    /** approved: decided and not yet activated; activated counted apart, so the parts add up. */
    public record CaseFigures(String officeCode, long opened, long open, long approved, long activated, long rejected,
            long withdrawn, long superseded) {
    }
}
