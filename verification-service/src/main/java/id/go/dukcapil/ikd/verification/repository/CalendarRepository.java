package id.go.dukcapil.ikd.verification.repository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.Holiday;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar.Hours;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The working-day calendar's data: holidays, office hours and the standards given in working days. */
@ApplicationScoped
public class CalendarRepository {

    private final Pool pool;

    public CalendarRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Holiday>> holidays(LocalDate from, LocalDate to) {
        return pool.preparedQuery("select day, kind, name from holiday where day >= $1 and day <= $2 order by day")
                .execute(Tuple.of(from, to))
                .map(rows -> {
                    List<Holiday> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Holiday(r.getLocalDate("day"), Holiday.Kind.valueOf(r.getString("kind")),
                            r.getString("name"))));
                    return list;
                });
    }

    /** In the caller's transaction; @return false when the day already is a holiday */
    public Uni<Boolean> add(Holiday holiday) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into holiday (day, kind, name) values (?1, ?2, ?3) on conflict (day) do nothing")
                .setParameter(1, holiday.day()).setParameter(2, holiday.kind().name()).setParameter(3, holiday.name())
                .executeUpdate()).map(count -> count == 1);
    }

    /** In the caller's transaction; @return false when the day was no holiday */
    public Uni<Boolean> remove(LocalDate day) {
        return Panache.getSession().chain(session -> session.createNativeQuery("delete from holiday where day = ?1")
                .setParameter(1, day).executeUpdate()).map(count -> count == 1);
    }

    /** Each office's published service hours (offices without any are absent). */
    public Uni<Map<String, List<Hours>>> officeHours() {
        return pool.query("select office_code, day_of_week, opens, closes from office_hours").execute()
                .map(rows -> {
                    Map<String, List<Hours>> hours = new HashMap<>();
                    rows.forEach(r -> hours.computeIfAbsent(r.getString("office_code"), k -> new ArrayList<>())
                            .add(new Hours(DayOfWeek.of(r.getInteger("day_of_week")), r.getLocalTime("opens"),
                                    r.getLocalTime("closes"))));
                    return hours;
                });
    }

    /** Per office: its standards in working days; completion may be null (counted in clock minutes). */
    public Uni<Map<String, WorkingDayStandards>> workingDayStandards() {
        return pool.query("select code, completion_working_days, central_review_working_days from office").execute()
                .map(rows -> {
                    Map<String, WorkingDayStandards> standards = new HashMap<>();
                    rows.forEach(r -> standards.put(r.getString("code"), new WorkingDayStandards(
                            r.getInteger("completion_working_days"), r.getInteger("central_review_working_days"))));
                    return standards;
                });
    }

    public record WorkingDayStandards(Integer completionDays, int centralReviewDays) {
    }
}
