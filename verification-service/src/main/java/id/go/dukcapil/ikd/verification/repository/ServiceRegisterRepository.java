package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository.MeasuredStep;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The buku pelayanan as the office's register (one row per service: a case scanned at the office)
 * and the receipt references. Reads the case, its decision and the operator; the citizen's name
 * comes from the population registry, never copied here.
 */
@ApplicationScoped
public class ServiceRegisterRepository {

    private final Pool pool;

    public ServiceRegisterRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * One served case: {@code number} counts the office's services of the local year in order of
     * the scan (the register's running number), before the operator filter, so a row keeps its
     * number in any filtered view.
     */
    public record Served(long number, UUID caseId, String nik, String status, Instant scannedAt, Instant decidedAt,
            Instant activatedAt, String channel, String reasonCode, String reasonNote, String reviewReasonCode,
            String reviewNote, String operatorUsername, String operatorName, String receiptReference) {
    }

    public Uni<List<Served>> served(String officeCode, ZoneId zone, Instant from, Instant to, String operator) {
        Instant yearStart = from.atZone(zone).withDayOfYear(1).toLocalDate().atStartOfDay(zone).toInstant();
        return pool.preparedQuery("""
                with served as (
                    select c.id, c.nik, c.status, c.scanned_at, c.decided_at, c.activated_at, c.receipt_reference,
                           d.channel, d.reason_code, d.reason_note, d.review_reason_code, d.review_note,
                           coalesce(d.operator_id, c.scanned_by) as operator_id,
                           row_number() over (partition by extract(year from c.scanned_at at time zone $2)
                                              order by c.scanned_at, c.id) as number
                    from verification_case c left join decision d on d.case_id = c.id
                    where c.office_code = $1 and c.scanned_at >= $3 and c.scanned_at < $5)
                select s.*, o.username, o.full_name
                from served s left join operator_account o on o.id = s.operator_id
                where s.scanned_at >= $4 and ($6::text is null or o.username = $6)
                order by s.scanned_at, s.id""")
                .execute(Tuple.tuple().addString(officeCode).addString(zone.getId()).addOffsetDateTime(utc(yearStart))
                        .addOffsetDateTime(utc(from)).addOffsetDateTime(utc(to)).addString(operator))
                .map(rows -> {
                    List<Served> served = new ArrayList<>();
                    rows.forEach(row -> served.add(new Served(row.getLong("number"), row.getUUID("id"),
                            row.getString("nik"), row.getString("status"), instant(row, "scanned_at"),
                            instant(row, "decided_at"), instant(row, "activated_at"), row.getString("channel"),
                            row.getString("reason_code"), row.getString("reason_note"),
                            row.getString("review_reason_code"), row.getString("review_note"),
                            row.getString("username"), row.getString("full_name"),
                            row.getString("receipt_reference"))));
                    return served;
                });
    }

    /** The measured steps of these cases, as the SLA report re-times them. */
    public Uni<List<MeasuredStep>> steps(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                select e.office_code, e.case_id, e.operator_username, e.action, e.occurred_at,
                       e.duration_seconds, e.standard_seconds, c.scanned_at, c.submitted_for_review_at
                from service_log_entry e join verification_case c on c.id = e.case_id
                where e.case_id = any($1) and e.duration_seconds is not null and e.standard_seconds is not null
                order by e.occurred_at, e.id""")
                .execute(Tuple.of(caseIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<MeasuredStep> steps = new ArrayList<>();
                    rows.forEach(row -> {
                        Instant at = instant(row, "occurred_at");
                        steps.add(new MeasuredStep(row.getString("office_code"), row.getUUID("case_id"),
                                row.getString("operator_username"), row.getString("action"), at,
                                at.minusSeconds(row.getLong("duration_seconds")), row.getLong("standard_seconds"),
                                instant(row, "scanned_at"), instant(row, "submitted_for_review_at")));
                    });
                    return steps;
                });
    }

    /** The case's receipt reference: {@code candidate} when it has none yet, else the one it has. */
    public Uni<String> assignReference(UUID caseId, String candidate) {
        return pool.preparedQuery("""
                update verification_case set receipt_reference = coalesce(receipt_reference, $2)
                where id = $1 returning receipt_reference""")
                .execute(Tuple.of(caseId, candidate))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("receipt_reference") : null);
    }

    /** What a stranger holding the receipt may see: status, office and dates; nothing of the person. */
    public record PublicStatus(String reference, String status, String officeCode, String officeName, String timeZone,
            Instant scannedAt, Instant decidedAt, Instant activatedAt, Instant closedAt, String decisionState) {
    }

    public Uni<Optional<PublicStatus>> byReference(String reference) {
        return pool.preparedQuery("""
                select c.receipt_reference, c.status, c.office_code, o.name, o.time_zone, c.scanned_at, c.decided_at,
                       c.activated_at, c.closed_at, d.state
                from verification_case c join office o on o.code = c.office_code
                left join decision d on d.case_id = c.id
                where c.receipt_reference = $1""")
                .execute(Tuple.of(reference))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new PublicStatus(row.getString("receipt_reference"), row.getString("status"),
                            row.getString("office_code"), row.getString("name"), row.getString("time_zone"),
                            instant(row, "scanned_at"), instant(row, "decided_at"), instant(row, "activated_at"),
                            instant(row, "closed_at"), row.getString("state")));
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
