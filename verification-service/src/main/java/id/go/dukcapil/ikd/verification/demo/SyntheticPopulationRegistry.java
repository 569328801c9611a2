package id.go.dukcapil.ikd.verification.demo;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The synthetic population registry: the table {@code registry_resident} (seeded by
 * {@link DemoDataSeeder}), with photos drawn from each record. Chosen by the build property
 * {@code ikd.verification.registry=synthetic}, the default; a deployment against SIAK builds with
 * another value and brings its own {@link PopulationRegistry}.
 */
@ApplicationScoped
@IfBuildProperty(name = "ikd.verification.registry", stringValue = "synthetic", enableIfMissing = true)
public class SyntheticPopulationRegistry implements PopulationRegistry {

    private final Pool pool;

    public SyntheticPopulationRegistry(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<Resident>> find(String nik) {
        return pool.preparedQuery("select * from registry_resident where nik = $1").execute(Tuple.of(nik))
                .map(SyntheticPopulationRegistry::first);
    }

    /** One query for a whole page of the buku pelayanan. */
    @Override
    public Uni<Map<String, String>> names(Collection<String> niks) {
        if (niks.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select nik, full_name from registry_resident where nik = any($1)")
                .execute(Tuple.of(niks.stream().distinct().toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(row -> names.put(row.getString("nik"), row.getString("full_name")));
                    return names;
                });
    }

    @Override
    public Uni<Optional<RegistryPhoto>> photo(String nik) {
        // The synthetic registry keeps no image bytes: the photo is rendered from the record,
        // deterministically, and its digest is the stored photo_sha256.
        return find(nik).map(resident -> resident.map(r -> new RegistryPhoto(ResidentPhotos.CONTENT_TYPE,
                ResidentPhotos.render(r.nik(), r.fullName(), r.sex()))));
    }

    private static Optional<Resident> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        if (!iterator.hasNext()) {
            return Optional.empty();
        }
        Row row = iterator.next();
        return Optional.of(new Resident(row.getString("nik"), row.getString("full_name"), row.getString("birth_place"),
                row.getLocalDate("birth_date"), row.getString("sex"), row.getString("address"), row.getString("rt_rw"),
                row.getString("village_name"), row.getString("district_code"), row.getString("district_name"),
                row.getString("regency_name"), row.getString("province_name"), row.getString("religion"),
                row.getString("marital_status"), row.getString("occupation"), row.getString("nationality"),
                row.getString("ktp_el_status"), row.getString("life_status"), row.getString("domicile_status"),
                row.getString("photo_sha256")));
    }
}
