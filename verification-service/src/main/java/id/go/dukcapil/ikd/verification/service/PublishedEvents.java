package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.config.VerificationConfig.EventVersion;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.mapping.EventMapper;

/**
 * The decision in the contract version {@code ikd.verification.events.version} names: {@code .v1}
 * with the citizen's contact and the whole registry record (every consumer of every release reads
 * it), or {@code .v2} without contact and with only the attributes activation-service needs. The
 * switch is the expand/contract of the migration: consumers read both first, then the producer
 * moves. {@code ikd.verification.events.v2-submitted-after} keeps {@code .v1} for registrations
 * older than notification-service's recipient record.
 */
@ApplicationScoped
public class PublishedEvents {

    private final EventVersion version;
    private final Optional<Instant> v2SubmittedAfter;

    public PublishedEvents(VerificationConfig config) {
        this.version = config.events().version();
        this.v2SubmittedAfter = config.events().v2SubmittedAfter();
    }

    boolean v2(VerificationCase c) {
        return version == EventVersion.V2
                && v2SubmittedAfter.map(since -> c.submittedAt != null && !c.submittedAt.isBefore(since)).orElse(true);
    }

    /** The final decision; {@code decidedBy} is the pseudonymous id of whoever made it final. */
    public IkdEvent decided(VerificationCase c, CaseDecision d, Office office, Resident resident, String decidedBy,
            Instant decidedAt) {
        return v2(c) ? EventMapper.decidedV2(c, d, office, resident, decidedBy, decidedAt)
                : EventMapper.decided(c, d, office, resident, decidedBy, decidedAt);
    }
}
