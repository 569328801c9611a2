package id.go.dukcapil.ikd.verification.service;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry.RegistryPhoto;
import id.go.dukcapil.ikd.web.RegistryPhotoGrants;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The registry photo of an approved registration, for a suite service holding a photo grant
 * ({@link RegistryPhotoGrants}): the citizen's own KTP Digital card, or a relying party allowed
 * {@code ikd.photo}. Only approved (or activated) cases: a pending, rejected or withdrawn
 * registration has no identity to show a face for.
 */
@ApplicationScoped
public class RegistryPhotoService {

    private static final Logger LOG = Logger.getLogger(RegistryPhotoService.class);
    private static final Set<CaseStatus> WITH_IDENTITY = EnumSet.of(CaseStatus.APPROVED, CaseStatus.ACTIVATED);

    private final RegistryPhotoGrants grants;
    private final CaseRepository cases;
    private final PopulationRegistry registry;

    public RegistryPhotoService(RegistryPhotoGrants grants, CaseRepository cases, PopulationRegistry registry) {
        this.grants = grants;
        this.cases = cases;
        this.registry = registry;
    }

    /** Empty when the registration has no approved case or the registry has no photo. */
    public Uni<Optional<RegistryPhoto>> photo(UUID registrationId, String grant) {
        return grants.require(grant, registrationId).chain(purpose -> Panache.withSession(
                () -> cases.findByRegistration(registrationId)).chain(c -> {
                    if (c == null || !WITH_IDENTITY.contains(c.status)) {
                        return Uni.createFrom().item(Optional.<RegistryPhoto>empty());
                    }
                    LOG.debugf("registry photo of registration %s given for %s", registrationId, purpose);
                    return registry.photo(c.nik);
                }));
    }
}
