package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the buku pelayanan: who did what, where, when, and how long the SOP step took. */
@Entity
@Table(name = "service_log_entry")
public class ServiceLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant occurredAt;
    public String officeCode;
    public UUID operatorId;
    public String operatorUsername;
    public UUID caseId;
    public UUID registrationId;
    @Enumerated(EnumType.STRING)
    public ServiceAction action;
    /** SOP step measured by this entry (3 verification, 4 validation/PIN, 5 activation), or null. */
    public Integer sopStep;
    public Long durationSeconds;
    public Long standardSeconds;
    public String note;

    public Boolean withinStandard() {
        return durationSeconds == null || standardSeconds == null ? null : durationSeconds <= standardSeconds;
    }
}
