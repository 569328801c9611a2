package id.go.dukcapil.ikd.verification.repository;

import java.util.Optional;

import id.go.dukcapil.ikd.verification.domain.Resident;
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

    /** The registry photo of the resident, or empty when the NIK is unknown. */
    Uni<Optional<RegistryPhoto>> photo(String nik);

    record RegistryPhoto(String contentType, byte[] content) {
    }
}
