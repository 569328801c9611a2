package id.go.dukcapil.ikd.verification.repository;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.VideoBooking;
import id.go.dukcapil.ikd.verification.domain.VideoSchedule;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar.Hours;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Offices' video-call schedules and the citizens' bookings, on the Vert.x SQL client; writes take the
 * caller's transaction's connection. A slot's capacity is counted under the row lock of its
 * {@code video_slot} row, so concurrent bookings of one slot take turns.
 */
@ApplicationScoped
public class VideoBookingRepository {

    private static final String COLUMNS = "id, registration_id, case_id, office_code, slot_start, slot_end, status, "
            + "booked_at, changed_at";

    private final Pool pool;

    public VideoBookingRepository(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    /** The office's schedule; empty for an unknown office. */
    public Uni<Optional<VideoSchedule>> schedule(String officeCode) {
        return schedule(pool, officeCode);
    }

    /** The office's schedule read on {@code client}: inside a transaction, its own connection (never a second one). */
    public Uni<Optional<VideoSchedule>> schedule(SqlClient client, String officeCode) {
        return client.preparedQuery("select code, name, time_zone, video_calls, video_slot_minutes, video_slot_capacity "
                + "from office where code = $1").execute(Tuple.of(officeCode)).chain(offices -> {
                    if (!offices.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<VideoSchedule>empty());
                    }
                    Row o = offices.iterator().next();
                    return client.preparedQuery("select day_of_week, opens, closes from video_call_hours where office_code = $1 "
                            + "order by day_of_week, opens").execute(Tuple.of(officeCode)).map(rows -> {
                                List<Hours> hours = new ArrayList<>();
                                rows.forEach(r -> hours.add(new Hours(DayOfWeek.of(r.getInteger("day_of_week")),
                                        r.getLocalTime("opens"), r.getLocalTime("closes"))));
                                return Optional.of(new VideoSchedule(o.getString("code"), o.getString("name"),
                                        OfficeTimeZone.valueOf(o.getString("time_zone")), o.getBoolean("video_calls"),
                                        o.getInteger("video_slot_minutes"), o.getInteger("video_slot_capacity"), hours));
                            });
                });
    }

    /** Replaces the office's slot length, capacity and weekly hours, in the caller's Hibernate Reactive transaction. */
    public Uni<Boolean> replaceSchedule(String officeCode, int slotMinutes, int capacity, List<Hours> hours) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update office set video_slot_minutes = ?2, video_slot_capacity = ?3 where code = ?1")
                .setParameter(1, officeCode).setParameter(2, slotMinutes).setParameter(3, capacity).executeUpdate()
                .chain(updated -> {
                    if (updated == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Integer> done = session.createNativeQuery("delete from video_call_hours where office_code = ?1")
                            .setParameter(1, officeCode).executeUpdate();
                    for (Hours h : hours) {
                        done = done.chain(() -> session.createNativeQuery("insert into video_call_hours (office_code, "
                                + "day_of_week, opens, closes) values (?1, ?2, ?3, ?4)").setParameter(1, officeCode)
                                .setParameter(2, (short) h.day().getValue()).setParameter(3, h.opens())
                                .setParameter(4, h.closes()).executeUpdate());
                    }
                    return done.replaceWith(true);
                }));
    }

    /** How many BOOKED bookings each slot of the office holds between two instants. */
    public Uni<Map<Instant, Integer>> bookedCounts(String officeCode, Instant from, Instant to) {
        return pool.preparedQuery("select slot_start, count(*) as n from video_booking where office_code = $1 "
                + "and status = 'BOOKED' and slot_start >= $2 and slot_start < $3 group by slot_start")
                .execute(Tuple.of(officeCode, utc(from), utc(to))).map(rows -> {
                    Map<Instant, Integer> counts = new HashMap<>();
                    rows.forEach(r -> counts.put(r.getOffsetDateTime("slot_start").toInstant(), r.getLong("n").intValue()));
                    return counts;
                });
    }

    /** The registration's BOOKED booking, if any; with {@code tx}, locked until its end. */
    public Uni<Optional<VideoBooking>> active(SqlClient client, UUID registrationId, boolean lock) {
        return client.preparedQuery("select " + COLUMNS + " from video_booking where registration_id = $1 "
                + "and status = 'BOOKED'" + (lock ? " for update" : "")).execute(Tuple.of(registrationId))
                .map(VideoBookingRepository::first);
    }

    /** Takes the slot's lock (its row, made on first use) until the transaction ends; then counts its bookings. */
    public Uni<Integer> lockAndCount(SqlConnection tx, String officeCode, Instant slotStart) {
        Tuple key = Tuple.of(officeCode, utc(slotStart));
        return tx.preparedQuery("insert into video_slot (office_code, slot_start) values ($1, $2) on conflict do nothing")
                .execute(key)
                .chain(() -> tx.preparedQuery("select 1 from video_slot where office_code = $1 and slot_start = $2 for update")
                        .execute(key))
                .chain(() -> tx.preparedQuery("select count(*) from video_booking where office_code = $1 and slot_start = $2 "
                        + "and status = 'BOOKED'").execute(key))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    public Uni<Void> insert(SqlConnection tx, VideoBooking b) {
        return tx.preparedQuery("insert into video_booking (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(List.of(b.id(), b.registrationId(), b.caseId(), b.officeCode(), utc(b.slotStart()),
                        utc(b.slotEnd()), b.status().name(), utc(b.bookedAt()), utc(b.changedAt()))))
                .replaceWithVoid();
    }

    /** Moves the booking to another slot or ends it, as {@code after} says. */
    public Uni<Void> update(SqlConnection tx, VideoBooking after) {
        return tx.preparedQuery("update video_booking set slot_start = $2, slot_end = $3, status = $4, changed_at = $5 "
                + "where id = $1").execute(Tuple.of(after.id(), utc(after.slotStart()), utc(after.slotEnd()),
                        after.status().name(), utc(after.changedAt())))
                .replaceWithVoid();
    }

    /**
     * Ends every BOOKED booking whose slot started before {@code startedBefore}: ATTENDED when the citizen asked for
     * a call from {@code early} before the slot to the end of the window, NO_SHOW otherwise. @return the no-shows
     */
    public Uni<List<VideoBooking>> endPast(SqlConnection tx, Instant startedBefore, java.time.Duration early,
            java.time.Duration window, Instant now) {
        return tx.preparedQuery("""
                update video_booking b set changed_at = $2, status = case when exists (select 1 from video_call c
                    where c.registration_id = b.registration_id and c.requested_at >= b.slot_start - make_interval(secs => $3)
                      and c.requested_at < b.slot_start + make_interval(secs => $4)) then 'ATTENDED' else 'NO_SHOW' end
                where b.status = 'BOOKED' and b.slot_start < $1
                returning""" + " " + COLUMNS)
                .execute(Tuple.of(utc(startedBefore), utc(now), (double) early.toSeconds(), (double) window.toSeconds()))
                .map(rows -> all(rows).stream().filter(b -> b.status() == VideoBooking.Status.NO_SHOW).toList());
    }

    /** Cancels the BOOKED bookings of cases no longer waiting for verification (decided, withdrawn, central). */
    public Uni<List<VideoBooking>> releaseClosed(SqlConnection tx, Instant now) {
        return tx.preparedQuery("update video_booking b set status = 'CANCELLED', changed_at = $1 from verification_case c "
                + "where c.id = b.case_id and b.status = 'BOOKED' and c.status not in ('QUEUED', 'IN_REVIEW') returning "
                + "b.id, b.registration_id, b.case_id, b.office_code, b.slot_start, b.slot_end, b.status, b.booked_at, "
                + "b.changed_at")
                .execute(Tuple.of(utc(now))).map(VideoBookingRepository::all);
    }

    /** The booking {@code id}, locked until the transaction {@code tx} ends. */
    public Uni<Optional<VideoBooking>> lock(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from video_booking where id = $1 for update")
                .execute(Tuple.of(id)).map(VideoBookingRepository::first);
    }

    /** Whether the registration's citizen is waiting on, or in, a video call now. */
    public Uni<Boolean> onCall(SqlClient client, UUID registrationId) {
        return client.preparedQuery("select exists (select 1 from video_call where registration_id = $1 "
                + "and status in ('WAITING', 'CONNECTED'))").execute(Tuple.of(registrationId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** A booking of the office's day as the portal shows it: with the case's NIK (masked by the page). */
    public record DayBooking(VideoBooking booking, String nik, String caseStatus, boolean waiting) {
    }

    public Uni<List<DayBooking>> ofOffice(String officeCode, Instant from, Instant to) {
        return pool.preparedQuery("select b.id, b.registration_id, b.case_id, b.office_code, b.slot_start, b.slot_end, "
                + "b.status, b.booked_at, b.changed_at, c.nik, c.status as case_status, exists (select 1 from video_call v "
                + "where v.registration_id = b.registration_id and v.status in ('WAITING', 'CONNECTED')) as waiting "
                + "from video_booking b "
                + "join verification_case c on c.id = b.case_id where b.office_code = $1 and b.slot_start >= $2 "
                + "and b.slot_start < $3 and b.status <> 'CANCELLED' order by b.slot_start, b.booked_at")
                .execute(Tuple.of(officeCode, utc(from), utc(to))).map(rows -> {
                    List<DayBooking> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new DayBooking(booking(r), r.getString("nik"), r.getString("case_status"),
                            r.getBoolean("waiting"))));
                    return list;
                });
    }

    private static Optional<VideoBooking> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(booking(rows.iterator().next())) : Optional.empty();
    }

    private static List<VideoBooking> all(RowSet<Row> rows) {
        List<VideoBooking> list = new ArrayList<>();
        rows.forEach(r -> list.add(booking(r)));
        return list;
    }

    private static VideoBooking booking(Row r) {
        return new VideoBooking(r.getUUID("id"), r.getUUID("registration_id"), r.getUUID("case_id"),
                r.getString("office_code"), r.getOffsetDateTime("slot_start").toInstant(),
                r.getOffsetDateTime("slot_end").toInstant(), VideoBooking.Status.valueOf(r.getString("status")),
                r.getOffsetDateTime("booked_at").toInstant(), r.getOffsetDateTime("changed_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
