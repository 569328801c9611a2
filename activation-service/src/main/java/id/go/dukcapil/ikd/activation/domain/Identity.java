package id.go.dukcapil.ikd.activation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.go.dukcapil.ikd.events.RevocationReason;

/**
 * A citizen's digital identity: its approval's verified attributes (kept there, once) bound to one
 * device key, under a random pseudonymous {@code subject} (never derived from the NIK). One ACTIVE
 * identity per NIK.
 */
@Entity
@Table(name = "identity")
public class Identity {

    @Id
    public UUID id;
    public UUID registrationId;
    public String nik;
    public String subject;
    public String deviceKeyJwk;
    public String deviceKeyThumbprint;
    @Enumerated(EnumType.STRING)
    public IdentityStatus status;
    public Instant activatedAt;
    public Instant revokedAt;
    @Enumerated(EnumType.STRING)
    public RevocationReason revocationReason;
    public UUID replacedBy;
    /** The staff member (JWT subject) who revoked it at an office, and their office; null otherwise. */
    public String revokedBy;
    public String revokedByOffice;
    /**
     * The app PIN as {@code $hmac-sha256$k=<kid>$<salt>$<mac>} (AppPinHasher), or an Argon2id PHC
     * string stored before it; null until the first session sets it.
     */
    public String appPinHash;
    public int appPinFailures;
    public boolean appPinLocked;

    public boolean active() {
        return status == IdentityStatus.ACTIVE;
    }
}
