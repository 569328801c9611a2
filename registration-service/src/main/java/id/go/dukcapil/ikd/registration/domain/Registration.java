package id.go.dukcapil.ikd.registration.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    /** Nonce, ciphertext and tag; null once erased. */
    @Column(name = "selfie_sealed")
    public byte[] selfieSealed;
    public String selfieContentType;
    public String selfieSha256;
    public Instant selfieErasedAt;
    public int codeSequence;
    public UUID codeId;
    public String shortCode;
    public Instant codeExpiresAt;

    public boolean selfieKept() {
        return selfieSealed != null;
    }

    public void eraseSelfie(Instant at) {
        selfieSealed = null;
        selfieErasedAt = at;
        updatedAt = at;
    }
}
