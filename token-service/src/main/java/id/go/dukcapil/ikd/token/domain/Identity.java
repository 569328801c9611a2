package id.go.dukcapil.ikd.token.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * token-service's projection of a digital identity: who may get a QR token, and the few
 * attributes the token shows. The NIK is only kept masked.
 */
@Entity
@Table(name = "identity")
public class Identity {

    @Id
    public UUID identityId;
    public String subject;
    public UUID registrationId;
    public String fullName;
    public String nikMasked;
    public LocalDate birthDate;
    public String photoSha256;
    public Instant activatedAt;
    public Instant revokedAt;
    public String revocationReason;
    /** The office that issued the identity (verified the citizen), shown to relying parties. */
    public String officeCode;
    public String officeName;

    public boolean isActive() {
        return activatedAt != null && revokedAt == null;
    }
}
