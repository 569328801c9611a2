package id.go.dukcapil.ikd.activation.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.activation.config.ActivationConfig.EventVersion;
import id.go.dukcapil.ikd.activation.domain.ActivationCode;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.domain.DeactivationRequest;
import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.mapping.EventMapper;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.RevocationReason;

/**
 * The events activation-service publishes, in the contract version {@code ikd.activation.events.version}
 * names: {@code .v1} with the citizen's contact (every consumer of every release reads it), or
 * {@code .v2} without it (notification-service sends to the recipient it recorded). The switch is
 * the expand/contract of the migration: consumers read both first, then the producer moves.
 * {@code ikd.activation.events.v2-approved-after} keeps {@code .v1} for approvals older than the
 * recipient record.
 */
@ApplicationScoped
public class PublishedEvents {

    private final EventVersion version;
    private final Optional<Instant> v2ApprovedAfter;

    public PublishedEvents(ActivationConfig config) {
        this.version = config.events().version();
        this.v2ApprovedAfter = config.events().v2ApprovedAfter();
    }

    /**
     * {@code .v2} when so configured, except for an approval older than {@code v2-approved-after}:
     * its registration may predate notification-service's recipient record, so it keeps its contact.
     * Always {@code .v2} for an approval that came without contact (verification.decided.v2, which
     * is published only once every consumer reads {@code .v2}).
     */
    boolean v2(Approval approval) {
        if (approval.email == null) {
            return true; // approved from verification.decided.v2: no contact to forward, and every consumer reads .v2
        }
        return version == EventVersion.V2
                && v2ApprovedAfter.map(since -> approval.approvedAt != null && !approval.approvedAt.isBefore(since))
                        .orElse(true);
    }

    public IkdEvent codeIssued(Approval approval, ActivationCode code, String sealedSecrets) {
        return v2(approval) ? EventMapper.codeIssuedV2(approval, code, sealedSecrets)
                : EventMapper.codeIssued(approval, code, sealedSecrets);
    }

    public IkdEvent deactivationLinkIssued(Identity identity, Approval approval, DeactivationRequest request,
            String sealedLink) {
        return v2(approval) ? EventMapper.deactivationLinkIssuedV2(identity, approval, request, sealedLink)
                : EventMapper.deactivationLinkIssued(identity, approval, request, sealedLink);
    }

    public IkdEvent activated(Identity identity, Approval approval) {
        return v2(approval) ? EventMapper.activatedV2(identity, approval)
                : EventMapper.activated(identity, approval);
    }

    public IkdEvent revoked(Identity identity, Approval approval, RevocationReason reason, UUID replacedBy,
            Instant revokedAt) {
        return v2(approval) ? EventMapper.revokedV2(identity, approval, reason, replacedBy, revokedAt)
                : EventMapper.revoked(identity, approval, reason, replacedBy, revokedAt);
    }
}
