package id.go.dukcapil.ikd.token.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.token.mapping.IdentityMapper;
import id.go.dukcapil.ikd.token.repository.IdentityRepository;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the projection of identities. Runs inside the inbox transaction of the idempotent
 * consumer. A revocation that arrives before its activation leaves a revoked row behind, which
 * the activation then fills in without reviving it.
 */
@ApplicationScoped
public class IdentityProjectionService {

    private static final Logger LOG = Logger.getLogger(IdentityProjectionService.class);

    private final IdentityRepository identities;

    public IdentityProjectionService(IdentityRepository identities) {
        this.identities = identities;
    }

    public Uni<Void> onActivated(IdentityActivatedV2 event) {
        return identities.findById(event.identityId())
                .chain(existing -> {
                    Identity identity = existing == null ? new Identity() : existing;
                    IdentityMapper.activate(identity, event);
                    LOG.infof("identity %s of subject %s is active", event.identityId(), event.subject());
                    return existing == null ? identities.persist(identity) : Uni.createFrom().item(identity);
                })
                .replaceWithVoid();
    }

    public Uni<Void> onRevoked(IdentityRevokedV2 event) {
        return identities.findById(event.identityId())
                .chain(existing -> {
                    Identity identity = existing == null ? IdentityMapper.tombstone(event) : existing;
                    identity.revokedAt = event.revokedAt();
                    identity.revocationReason = event.reason().name();
                    LOG.infof("identity %s of subject %s is revoked (%s)", event.identityId(), event.subject(),
                            event.reason());
                    return existing == null ? identities.persist(identity) : Uni.createFrom().item(identity);
                })
                .replaceWithVoid();
    }
}
