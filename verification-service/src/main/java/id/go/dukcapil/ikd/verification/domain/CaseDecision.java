package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.UUID;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The decision on a case (one per case), and in CENTRAL offices the central verifier's review of it. */
@Entity
@Table(name = "decision")
public class CaseDecision {

    @Id
    public UUID id;
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public Decision outcome;
    @Enumerated(EnumType.STRING)
    public RejectionReason reasonCode;
    public String reasonNote;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String callReference;
    public boolean ktpElChecked;
    public UUID operatorId;
    public String officeCode;
    public Instant decidedAt;
    @Enumerated(EnumType.STRING)
    public DecisionState state;
    public UUID reviewerId;
    @Enumerated(EnumType.STRING)
    public Decision reviewOutcome;
    @Enumerated(EnumType.STRING)
    public RejectionReason reviewReasonCode;
    public String reviewNote;
    public Instant reviewedAt;

    /** The outcome that counts: the review's where there is one. */
    public Decision finalOutcome() {
        return reviewOutcome != null ? reviewOutcome : outcome;
    }
}
