package id.go.dukcapil.ikd.token.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.domain.Identity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<Identity, UUID> {

    /** The subject's current identity (the newest active one), or null. */
    public Uni<Identity> findActiveBySubject(String subject) {
        return find("subject = ?1 and revokedAt is null and activatedAt is not null order by activatedAt desc",
                subject).firstResult();
    }
}
