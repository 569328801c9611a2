package id.go.dukcapil.ikd.verification.repository;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.ApprovalModel;
import id.go.dukcapil.ikd.verification.domain.OfficeChannel;
import id.go.dukcapil.ikd.verification.domain.OfficeLevel;
import id.go.dukcapil.ikd.verification.domain.OfficeListing;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.OpeningHours;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The public directory's reads: offices by name and area code, with their hours and complaint channels. */
@ApplicationScoped
public class OfficeDirectoryRepository {

    /**
     * $1: a LIKE pattern for the name or address (null: any); $2: an area code with dots (null: any)
     * that the office's area lies in (35 finds 35.24.17) or covers (35.24.17.x finds 35.24); $3: limit.
     */
    private static final String SEARCH = """
            select code, name, level, area_code, time_zone, address, phone, email, whatsapp, website, approval_model,
                   completion_minutes
              from office
             where ($1::text is null or name ilike $1 escape '\\' or address ilike $1 escape '\\')
               and ($2::text is null or area_code = $2 or area_code like $2 || '.%' or $2 like area_code || '.%')
             order by level desc, area_code nulls first, code
             limit $3""";

    private final Pool pool;

    public OfficeDirectoryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<OfficeListing>> search(String namePattern, String areaCode, int limit) {
        return pool.preparedQuery(SEARCH).execute(Tuple.of(namePattern, areaCode, limit)).chain(rows -> {
            Map<String, Row> offices = new LinkedHashMap<>();
            rows.forEach(row -> offices.put(row.getString("code"), row));
            return details(offices);
        });
    }

    public Uni<List<OfficeListing>> byCode(String code) {
        return pool.preparedQuery("""
                select code, name, level, area_code, time_zone, address, phone, email, whatsapp, website,
                       approval_model, completion_minutes from office where code = $1""")
                .execute(Tuple.of(code)).chain(rows -> {
                    Map<String, Row> offices = new LinkedHashMap<>();
                    rows.forEach(row -> offices.put(row.getString("code"), row));
                    return details(offices);
                });
    }

    private Uni<List<OfficeListing>> details(Map<String, Row> offices) {
        if (offices.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] codes = offices.keySet().toArray(String[]::new);
        Uni<Map<String, List<OpeningHours>>> hours = pool.preparedQuery("""
                select office_code, day_of_week, opens, closes from office_hours
                 where office_code = any($1) order by office_code, day_of_week, opens""")
                .execute(Tuple.of(codes)).map(rows -> {
                    Map<String, List<OpeningHours>> byOffice = new LinkedHashMap<>();
                    rows.forEach(r -> byOffice.computeIfAbsent(r.getString("office_code"), k -> new ArrayList<>())
                            .add(new OpeningHours(DayOfWeek.of(r.getInteger("day_of_week")), r.getLocalTime("opens"),
                                    r.getLocalTime("closes"))));
                    return byOffice;
                });
        Uni<Map<String, List<OfficeChannel>>> channels = pool.preparedQuery("""
                select office_code, kind, value, label from office_channel
                 where office_code = any($1) order by office_code, position""")
                .execute(Tuple.of(codes)).map(rows -> {
                    Map<String, List<OfficeChannel>> byOffice = new LinkedHashMap<>();
                    rows.forEach(r -> byOffice.computeIfAbsent(r.getString("office_code"), k -> new ArrayList<>())
                            .add(new OfficeChannel(OfficeChannel.Kind.valueOf(r.getString("kind")), r.getString("value"),
                                    r.getString("label"))));
                    return byOffice;
                });
        return Uni.combine().all().unis(hours, channels).asTuple().map(both -> offices.values().stream()
                .map(row -> listing(row, both.getItem1().getOrDefault(row.getString("code"), List.of()),
                        both.getItem2().getOrDefault(row.getString("code"), List.of())))
                .toList());
    }

    private static OfficeListing listing(Row row, List<OpeningHours> hours, List<OfficeChannel> channels) {
        return new OfficeListing(row.getString("code"), row.getString("name"), OfficeLevel.valueOf(row.getString("level")),
                row.getString("area_code"), OfficeTimeZone.valueOf(row.getString("time_zone")), row.getString("address"),
                row.getString("phone"), row.getString("email"), row.getString("whatsapp"), row.getString("website"),
                ApprovalModel.valueOf(row.getString("approval_model")), row.getInteger("completion_minutes"),
                List.copyOf(hours), List.copyOf(channels));
    }
}
