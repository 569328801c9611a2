package id.go.dukcapil.ikd.registration.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A citizen's registration with its current counter code; the selfie is sealed (AES-GCM). */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    public UUID id;
    public String nik;
    public String email;
    public String phone;
    public String language;
    public String deviceKeyJwk;
    public String deviceKeyThumbprint;
    /** SHA-256 of the registration secret. */
    public byte[] secretHash;
    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;
    public Instant submittedAt;
    public Instant updatedAt;
    /** When an operator approved or rejected it. */
    public Instant decidedAt;
    public UUID supersedes;
    /**
     * Nonce, ciphertext and tag (tens of KB); null once erased. Not loaded with the row: a scan, a status
     * poll or a decision reads and writes the registration without it, and only the operator's view of the
     * selfie reads it ({@code RegistrationRepository.sealedSelfie}). Written as any field (erasure sets it null).
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "selfie_sealed")
    public byte[] selfieSealed;
    public String selfieContentType;
    public String selfieSha256;
    public Instant selfieErasedAt;
    public int codeSequence;
    public UUID codeId;
    public String shortCode;
    public Instant codeExpiresAt;

    /** Whether the selfie is still held: erasure sets both the bytes and this time, and only erasure does. */
    public boolean selfieKept() {
        return selfieErasedAt == null;
    }

    public void eraseSelfie(Instant at) {
        selfieSealed = null;
        selfieErasedAt = at;
        updatedAt = at;
    }
}
