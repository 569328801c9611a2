package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One registration to verify, from RegistrationSubmitted to the decision and activation. */
@Entity
@Table(name = "verification_case")
public class VerificationCase {

    @Id
    public UUID id;
    public UUID registrationId;
    public String nik;
    public String email;
    public String phone;
    public String language;
    public String deviceKeyJwk;
    public String deviceKeyThumbprint;
    public String selfieSha256;
    public Instant submittedAt;
    /** The office whose queue holds the case now (the one that took it, once scanned). */
    public String officeCode;
    /** The office covering the NIK's area, where the case was first queued. */
    public String defaultOfficeCode;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public Instant openedAt;
    public Instant scannedAt;
    public UUID scannedBy;
    public Instant submittedForReviewAt;
    public Instant decidedAt;
    public Instant closedAt;
    public Instant activatedAt;
    /** When the central review of the current submission is due (office's working calendar). */
    public Instant centralDueAt;
    /** The last "return to office" by a central verifier: when, by whom, the note, and how many so far. */
    public Instant returnedAt;
    public UUID returnedBy;
    public String returnNote;
    public int returnCount;
    /** Optimistic lock: two operators deciding at once cannot both win. */
    @Version
    public int version;
}
