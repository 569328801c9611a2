package id.go.dukcapil.ikd.activation.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.domain.ActivationCode;
import id.go.dukcapil.ikd.activation.domain.CodeStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ActivationCodeRepository implements PanacheRepositoryBase<ActivationCode, UUID> {

    public Uni<ActivationCode> findByLinkTokenHash(byte[] linkTokenHash) {
        return find("linkTokenHash", linkTokenHash).firstResult();
    }

    /** Kills every live code of a registration (a resend replaces them). */
    public Uni<Integer> replaceActive(UUID registrationId) {
        return update("status = :replaced where registrationId = :registration and status = :active",
                Parameters.with("replaced", CodeStatus.REPLACED).and("registration", registrationId)
                        .and("active", CodeStatus.ACTIVE));
    }

    /**
     * Voids every live code of a withdrawn registration. The update waits for the row lock of an
     * activation attempt in progress, so an attempt either finishes first or sees WITHDRAWN.
     */
    public Uni<Integer> withdrawActive(UUID registrationId) {
        return update("status = :withdrawn where registrationId = :registration and status = :active",
                Parameters.with("withdrawn", CodeStatus.WITHDRAWN).and("registration", registrationId)
                        .and("active", CodeStatus.ACTIVE));
    }
}
