package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.config.VerificationConfig.EventVersion;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.Complaint;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.mapping.EventMapper;

/**
 * The decision in the contract version {@code ikd.verification.events.version} names: {@code .v1}
 * with the citizen's contact and the whole registry record (every consumer of every release reads
 * it), {@code .v2} without contact and with only the attributes activation-service needs, or
 * {@code .v3} without attributes, whose approval's attributes and device key go, as
 * {@code verification.card-approved.v1}, to a topic only activation-service reads. The
 * switch is the expand/contract of the migration: consumers read both first, then the producer
 * moves. {@code ikd.verification.events.v2-submitted-after} (with {@code v2} or {@code v3}) keeps {@code .v1} for registrations
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

    /** The version this case's decision goes out in: {@code .v1} for a registration older than the recipient record. */
    EventVersion versionFor(VerificationCase c) {
        boolean recipientRecorded = v2SubmittedAfter
                .map(since -> c.submittedAt != null && !c.submittedAt.isBefore(since)).orElse(true);
        return recipientRecorded ? version : EventVersion.V1;
    }

    /**
     * A complaint's message to its citizen: from {@code v3} on ikd.verification.complaint, the topic
     * only notification-service reads, before it on ikd.verification (which every reader of the
     * decision gets). Complaints have no recipient record, so {@code v2-submitted-after} plays no part.
     */
    public IkdEvent complaintUpdated(Complaint c, OfficeContact office) {
        return version == EventVersion.V3 ? EventMapper.complaintUpdatedV2(c, office)
                : EventMapper.complaintUpdated(c, office);
    }

    /**
     * The final decision's events, to be written in the decision's transaction in this order;
     * {@code decidedBy} is the pseudonymous id of whoever made it final.
     */
    public List<IkdEvent> decided(VerificationCase c, CaseDecision d, Office office, Resident resident,
            String decidedBy, Instant decidedAt) {
        return switch (versionFor(c)) {
            case V1 -> List.of(EventMapper.decided(c, d, office, resident, decidedBy, decidedAt));
            case V2 -> List.of(EventMapper.decidedV2(c, d, office, resident, decidedBy, decidedAt));
            case V3 -> EventMapper.decidedV3(c, d, office, resident, decidedBy, decidedAt);
        };
    }
}
