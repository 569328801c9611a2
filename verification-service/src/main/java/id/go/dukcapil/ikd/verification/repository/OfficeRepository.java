package id.go.dukcapil.ikd.verification.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.Office;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OfficeRepository implements PanacheRepositoryBase<Office, String> {

    /** The office covering a NIK's area: a kecamatan office of its district first, else the regency's Dinas. */
    public Uni<Optional<Office>> covering(String nik) {
        String regency = nik.substring(0, 2) + "." + nik.substring(2, 4);
        String district = regency + "." + nik.substring(4, 6);
        return list("areaCode in ?1", List.of(district, regency))
                .map(offices -> offices.stream()
                        .min((a, b) -> Integer.compare(b.areaCode.length(), a.areaCode.length())));
    }

    public Uni<List<Office>> all() {
        return list("order by code");
    }
}
