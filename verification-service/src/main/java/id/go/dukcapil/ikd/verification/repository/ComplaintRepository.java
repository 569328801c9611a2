package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.verification.domain.Complaint;
import id.go.dukcapil.ikd.verification.domain.ComplaintCategory;
import id.go.dukcapil.ikd.verification.domain.ComplaintStatus;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Complaints and their history, on the Vert.x SQL client; writes take the caller's transaction's connection. */
@ApplicationScoped
public class ComplaintRepository {

    private static final String SELECT = """
            select c.*, o.name as office_name, o.time_zone from complaint c join office o on o.code = c.office_code""";

    private final Pool pool;

    public ComplaintRepository(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    /** The office a complaint is filed with, as messages to the citizen name it; empty for an unknown code. */
    public Uni<Optional<OfficeContact>> office(String code) {
        return office(pool, code);
    }

    /** The office's contact read on {@code client}: inside a transaction, its own connection (never a second one). */
    public Uni<Optional<OfficeContact>> office(SqlClient client, String code) {
        return client.preparedQuery("select code, name, address, phone, email, whatsapp, website, time_zone from office "
                + "where code = $1").execute(Tuple.of(code)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    OfficeTimeZone zone = r.getString("time_zone") == null ? OfficeTimeZone.WIB
                            : OfficeTimeZone.valueOf(r.getString("time_zone"));
                    return Optional.of(new OfficeContact(r.getString("code"), r.getString("name"), r.getString("address"),
                            r.getString("phone"), r.getString("email"), r.getString("whatsapp"), r.getString("website"),
                            zone.zone()));
                });
    }

    /** An office a citizen may choose on the complaint form. */
    public record OfficeChoice(String code, String name) {
    }

    public Uni<List<OfficeChoice>> offices() {
        return pool.query("select code, name from office order by name").execute().map(rows -> {
            List<OfficeChoice> list = new ArrayList<>();
            rows.forEach(r -> list.add(new OfficeChoice(r.getString("code"), r.getString("name"))));
            return list;
        });
    }

    /** Records a captcha solution's first use; false when it was used before. */
    public Uni<Boolean> recordCaptcha(SqlClient tx, String challenge, Instant expiresAt) {
        return tx.preparedQuery("insert into complaint_captcha_used (challenge, expires_at) values ($1, $2) "
                + "on conflict do nothing").execute(Tuple.of(challenge, utc(expiresAt))).map(r -> r.rowCount() == 1);
    }

    public Uni<Integer> purgeCaptchas(Instant now) {
        return pool.preparedQuery("delete from complaint_captcha_used where expires_at < $1").execute(Tuple.of(utc(now)))
                .map(r -> r.rowCount());
    }

    /** The next running number of the office's tickets on its local {@code day}. */
    public Uni<Integer> nextTicketNumber(SqlClient tx, String officeCode, LocalDate day) {
        return tx.preparedQuery("""
                insert into complaint_ticket_counter (office_code, day, last) values ($1, $2, 1)
                on conflict (office_code, day) do update set last = complaint_ticket_counter.last + 1 returning last""")
                .execute(Tuple.of(officeCode, day)).map(rows -> rows.iterator().next().getInteger("last"));
    }

    public Uni<Void> insert(SqlClient tx, Complaint c) {
        return tx.preparedQuery("""
                insert into complaint (id, ticket, office_code, category, body, registration_reference, email, phone,
                    language, status, filed_at, due_at, updated_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""")
                .execute(Tuple.from(new Object[] { c.id(), c.ticket(), c.officeCode(), c.category().name(), c.body(),
                        c.registrationReference(), c.email(), c.phone(), c.language(), c.status().name(),
                        utc(c.filedAt()), utc(c.dueAt()), utc(c.updatedAt()) }))
                .replaceWithVoid();
    }

    public Uni<Void> update(SqlClient tx, Complaint c) {
        return tx.preparedQuery("""
                update complaint set status = $2, assignee = $3, answer = $4, updated_at = $5, closed_at = $6
                where id = $1""")
                .execute(Tuple.from(new Object[] { c.id(), c.status().name(), c.assignee(), c.answer(),
                        utc(c.updatedAt()), c.closedAt() == null ? null : utc(c.closedAt()) }))
                .replaceWithVoid();
    }

    public Uni<Void> addNote(SqlClient tx, UUID complaintId, Complaint.Note note) {
        return tx.preparedQuery("""
                insert into complaint_note (complaint_id, author, status, assignee, note, at)
                values ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.from(new Object[] { complaintId, note.author(),
                        note.status() == null ? null : note.status().name(), note.assignee(), note.note(),
                        utc(note.at()) }))
                .replaceWithVoid();
    }

    /** The complaint, locked for the rest of the caller's transaction. */
    public Uni<Optional<Complaint>> lock(SqlClient tx, UUID id) {
        return tx.preparedQuery(SELECT + " where c.id = $1 for update of c").execute(Tuple.of(id)).map(ComplaintRepository::first);
    }

    public Uni<Optional<Complaint>> byId(UUID id) {
        return pool.preparedQuery(SELECT + " where c.id = $1").execute(Tuple.of(id)).map(ComplaintRepository::first);
    }

    public Uni<Optional<Complaint>> byTicket(String ticket) {
        return pool.preparedQuery(SELECT + " where c.ticket = $1").execute(Tuple.of(ticket)).map(ComplaintRepository::first);
    }

    /** An office's complaints, newest first; {@code status} null for all. */
    public Uni<List<Complaint>> forOffice(String officeCode, ComplaintStatus status, int limit) {
        return pool.preparedQuery(SELECT + " where c.office_code = $1 and ($2::text is null or c.status = $2) "
                + "order by c.filed_at desc limit $3")
                .execute(Tuple.of(officeCode, status == null ? null : status.name(), limit))
                .map(rows -> {
                    List<Complaint> list = new ArrayList<>();
                    rows.forEach(r -> list.add(complaint(r)));
                    return list;
                });
    }

    public Uni<List<Complaint.Note>> notes(UUID complaintId) {
        return pool.preparedQuery("select * from complaint_note where complaint_id = $1 order by id")
                .execute(Tuple.of(complaintId)).map(rows -> {
                    List<Complaint.Note> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Complaint.Note(r.getString("author"),
                            r.getString("status") == null ? null : ComplaintStatus.valueOf(r.getString("status")),
                            r.getString("assignee"), r.getString("note"), instant(r, "at"))));
                    return list;
                });
    }

    /** An office's figures for [from, to): filed, closed, closed within the standard; open and overdue now. */
    public record Figures(long filed, long closed, long closedInTime, long open, long overdue) {
    }

    public Uni<Figures> figures(String officeCode, Instant from, Instant to, Instant now) {
        return pool.preparedQuery("""
                select count(*) filter (where filed_at >= $2 and filed_at < $3) as filed,
                       count(*) filter (where closed_at >= $2 and closed_at < $3) as closed,
                       count(*) filter (where closed_at >= $2 and closed_at < $3 and closed_at <= due_at) as closed_in_time,
                       count(*) filter (where status <> 'CLOSED') as open,
                       count(*) filter (where status <> 'CLOSED' and due_at < $4) as overdue
                from complaint where office_code = $1""")
                .execute(Tuple.of(officeCode, utc(from), utc(to), utc(now)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Figures(r.getLong("filed"), r.getLong("closed"), r.getLong("closed_in_time"),
                            r.getLong("open"), r.getLong("overdue"));
                });
    }

    private static Optional<Complaint> first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(complaint(rows.iterator().next())) : Optional.empty();
    }

    private static Complaint complaint(Row r) {
        String zone = r.getString("time_zone");
        return new Complaint(r.getUUID("id"), r.getString("ticket"), r.getString("office_code"), r.getString("office_name"),
                zone == null ? OfficeTimeZone.WIB : OfficeTimeZone.valueOf(zone),
                ComplaintCategory.valueOf(r.getString("category")), r.getString("body"),
                r.getString("registration_reference"), r.getString("email"), r.getString("phone"),
                r.getString("language"), ComplaintStatus.valueOf(r.getString("status")), r.getString("assignee"),
                r.getString("answer"), instant(r, "filed_at"), instant(r, "due_at"), instant(r, "updated_at"),
                instant(r, "closed_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
