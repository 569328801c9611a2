package id.go.dukcapil.ikd.verification.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import id.go.dukcapil.ikd.verification.domain.Resident;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The population registry (SIAK) as verification-service needs it. The local implementation
 * reads the seeded table {@code registry_resident}; a production adapter calls SIAK.
 *
 * <p>Contract SIAK must meet (see OPERATIONS.md): for a 16-digit NIK, answer the resident's
 * identity fields as printed on the KTP-el, the KTP-el status (PRINTED, RECORDED_NOT_PRINTED,
 * NOT_RECORDED), life status, domicile status and the registry photo; "not found" for an unknown
 * NIK; within 2 seconds; never cached longer than the case is open.
 */
public interface PopulationRegistry {

    Uni<Optional<Resident>> find(String nik);

    /**
     * The full names of these NIKs, for the office's buku pelayanan (its own operators only); an
     * unknown NIK is absent. Names are read when shown and never copied into the suite's tables.
     */
    default Uni<Map<String, String>> names(Collection<String> niks) {
        if (niks.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // at most 8 lookups in flight: a page of the register must not become a burst on SIAK
        return Multi.createFrom().iterable(niks.stream().distinct().toList()).onItem().transformToUni(this::find)
                .merge(8).collect().in(HashMap<String, String>::new,
                        (names, found) -> found.ifPresent(r -> names.put(r.nik(), r.fullName())))
                .map(names -> (Map<String, String>) names);
    }

    /** The registry photo of the resident, or empty when the NIK is unknown. */
    Uni<Optional<RegistryPhoto>> photo(String nik);

    record RegistryPhoto(String contentType, byte[] content) {
    }
}
