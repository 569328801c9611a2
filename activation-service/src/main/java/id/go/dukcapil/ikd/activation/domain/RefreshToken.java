package id.go.dukcapil.ikd.activation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token (hashed), usable once and only with a signature of the device it was issued to. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    public UUID id;
    public UUID identityId;
    public byte[] tokenHash;
    public String deviceKeyThumbprint;
    public Instant issuedAt;
    public Instant expiresAt;
    public Instant usedAt;
}
