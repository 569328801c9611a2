package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** Per office and action: count, average and number within standard of the measured steps. */
    public Uni<List<StepFigures>> stepFigures(Instant from, Instant to) {
        return pool.preparedQuery("""
                select office_code, action, count(*) as measured, avg(duration_seconds) as average,
                       percentile_cont(0.9) within group (order by duration_seconds) as p90,
                       count(*) filter (where duration_seconds <= standard_seconds) as within_standard
                from service_log_entry
                where occurred_at >= $1 and occurred_at < $2 and duration_seconds is not null
                group by office_code, action""")
                .execute(Tuple.of(from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> {
                    List<StepFigures> figures = new ArrayList<>();
                    rows.forEach(row -> figures.add(new StepFigures(row.getString("office_code"),
                            row.getString("action"), row.getLong("measured"), row.getDouble("average"),
                            row.getDouble("p90"), row.getLong("within_standard"))));
                    return figures;
                });
    }

    /** Per office: cases opened in the period by outcome. */
    public Uni<List<CaseFigures>> caseFigures(Instant from, Instant to) {
        return pool.preparedQuery("""
                select office_code, count(*) as opened,
                       count(*) filter (where status in ('QUEUED', 'IN_REVIEW', 'AWAITING_CENTRAL')) as open,
                       count(*) filter (where status in ('APPROVED', 'ACTIVATED')) as approved,
                       count(*) filter (where status = 'REJECTED') as rejected,
                       count(*) filter (where status = 'ACTIVATED') as activated
                from verification_case where opened_at >= $1 and opened_at < $2 group by office_code""")
                .execute(Tuple.of(from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> {
                    List<CaseFigures> figures = new ArrayList<>();
                    rows.forEach(row -> figures.add(new CaseFigures(row.getString("office_code"), row.getLong("opened"),
                            row.getLong("open"), row.getLong("approved"), row.getLong("rejected"),
                            row.getLong("activated"))));
                    return figures;
                });
    }

    public record StepFigures(String officeCode, String action, long measured, double averageSeconds,
            double p90Seconds, long withinStandard) {
    }

    public record CaseFigures(String officeCode, long opened, long open, long approved, long rejected, long activated) {
    }
}
