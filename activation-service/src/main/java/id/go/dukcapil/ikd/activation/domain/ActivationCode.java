package id.go.dukcapil.ikd.activation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An activation PIN and its link token, both only as keyed hashes. */
@Entity
@Table(name = "activation_code")
public class ActivationCode {

    @Id
    public UUID id;
    public UUID registrationId;
    public int sequence;
    public byte[] pinHash;
    public byte[] linkTokenHash;
    @Enumerated(EnumType.STRING)
    public CodeStatus status;
    public int failedAttempts;
    public Instant issuedAt;
    public Instant expiresAt;
    public Instant usedAt;

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
