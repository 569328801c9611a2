package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import id.go.dukcapil.ikd.verification.domain.AuditHead;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The audit chain's tables; the chain's rules live in {@code service.AuditLog}. */
@ApplicationScoped
public class AuditRepository {

    private final Pool pool;

    public AuditRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Locks the chain's head for the current transaction and returns it. Loaded as an entity, not
     * read by a native select: Hibernate caches a native select's plan under a key that no later
     * call matches, so each audited action added a plan until the service's others were evicted.
     */
    public Uni<Head> lockHead() {
        return Panache.getSession()
                .chain(session -> session.find(AuditHead.class, AuditHead.ID, LockMode.PESSIMISTIC_WRITE))
                .map(head -> new Head(head.lastSeq, head.lastHash.trim()));
    }

    /** Appends an entry and moves the head (locked by {@link #lockHead()}), in the current transaction. */
    public Uni<Void> append(AuditRow entry) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into audit_entry (seq, occurred_at, kind, actor, office_code, subject, details, prev_hash, hash)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, entry.seq())
                .setParameter(2, entry.occurredAt().atOffset(ZoneOffset.UTC))
                .setParameter(3, entry.kind())
                .setParameter(4, entry.actor())
                .setParameter(5, entry.officeCode())
                .setParameter(6, entry.subject())
                .setParameter(7, entry.details())
                .setParameter(8, entry.prevHash())
                .setParameter(9, entry.hash())
                .executeUpdate()
                // the managed head: a second entry in the same transaction reads what this one wrote
                .chain(() -> session.find(AuditHead.class, AuditHead.ID))
                .invoke(head -> {
                    head.lastSeq = entry.seq();
                    head.lastHash = entry.hash();
                }))
                .replaceWithVoid();
    }

    /** One page of the chain in order, from {@code afterSeq} (exclusive). */
    public Uni<List<AuditRow>> page(long afterSeq, int size) {
        return pool.preparedQuery("""
                select seq, occurred_at, kind, actor, office_code, subject, details, prev_hash, hash
                from audit_entry where seq > $1 order by seq limit $2""")
                .execute(Tuple.of(afterSeq, size))
                .map(rows -> {
                    List<AuditRow> page = new ArrayList<>();
                    rows.forEach(row -> page.add(new AuditRow(row.getLong("seq"),
                            row.getOffsetDateTime("occurred_at").toInstant(), row.getString("kind"),
                            row.getString("actor"), row.getString("office_code"), row.getString("subject"),
                            row.getString("details"), row.getString("prev_hash"), row.getString("hash"))));
                    return page;
                });
    }

    public Uni<Head> head() {
        return pool.query("select last_seq, last_hash from audit_head where id = 1").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Head(row.getLong("last_seq"), row.getString("last_hash"));
                });
    }

    public record Head(long lastSeq, String lastHash) {
    }

    public record AuditRow(long seq, Instant occurredAt, String kind, String actor, String officeCode,
            String subject, String details, String prevHash, String hash) {
    }
}
