package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.domain.IdentityStatus;
import id.go.dukcapil.ikd.activation.repository.ApprovalRepository;
import id.go.dukcapil.ikd.activation.repository.IdentityRepository;
import id.go.dukcapil.ikd.activation.repository.RefreshTokenRepository;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Ends digital identities: replaced by a new device, on the citizen's request, or by an operator. */
@ApplicationScoped
public class IdentityService {

    private static final Logger LOG = Logger.getLogger(IdentityService.class);

    private final IdentityRepository identities;
    private final ApprovalRepository approvals;
    private final RefreshTokenRepository refreshTokens;
    private final Outbox outbox;
    private final PublishedEvents events;
    private final Clock clock;

    public IdentityService(IdentityRepository identities, ApprovalRepository approvals,
            RefreshTokenRepository refreshTokens, Outbox outbox, PublishedEvents events, Clock clock) {
        this.identities = identities;
        this.approvals = approvals;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    public record Revocation(UUID identityId, Instant revokedAt) {
    }

    /**
     * An operator (after checking the citizen's KTP-el at the office, e.g. for a lost phone)
     * revokes the NIK's active identity; who did it, and at which office, stays on the identity.
     */
    @WithTransaction
    public Uni<Revocation> revokeByOperator(String nik, RevocationReason reason, String staff, String office) {
        return identities.findActiveByNik(nik).chain(identity -> {
            if (identity == null) {
                throw new ProblemException(ActivationProblems.IDENTITY_NOT_FOUND,
                        "Tidak ada identitas digital aktif untuk NIK ini.", "There is no active digital identity for this NIK.");
            }
            identity.revokedBy = staff;
            identity.revokedByOffice = office;
            LOG.infof("identity %s revoked at an office by %s (office %s)", identity.id, staff, office);
            return revoke(identity, reason, null).replaceWith(new Revocation(identity.id, identity.revokedAt));
        });
    }

    /** The citizen, with their device and app PIN (already checked), ends their own identity. */
    @WithTransaction
    public Uni<Revocation> revokeByCitizen(UUID identityId) {
        return identities.lock(identityId).chain(identity -> {
            if (identity == null || !identity.active()) {
                throw new ProblemException(ActivationProblems.IDENTITY_NOT_ACTIVE);
            }
            return revoke(identity, RevocationReason.CITIZEN_REQUEST, null)
                    .replaceWith(new Revocation(identity.id, identity.revokedAt));
        });
    }

    /** Within the caller's transaction: the identity stops, its refresh tokens die, IdentityRevoked follows. */
    Uni<Void> revoke(Identity identity, RevocationReason reason, UUID replacedBy) {
        identity.status = IdentityStatus.REVOKED;
        identity.revokedAt = clock.instant();
        identity.revocationReason = reason;
        identity.replacedBy = replacedBy;
        return refreshTokens.deleteForIdentity(identity.id)
                .chain(() -> approvals.findById(identity.registrationId))
                .chain(approval -> outbox.append(
                        events.revoked(identity, approval, reason, replacedBy, identity.revokedAt)))
                .invoke(() -> LOG.infof("identity %s of NIK %s revoked: %s", identity.id, Masking.nik(identity.nik),
                        reason))
                .replaceWithVoid();
    }
}
