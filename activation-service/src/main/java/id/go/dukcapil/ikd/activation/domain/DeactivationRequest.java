package id.go.dukcapil.ikd.activation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A confirmation link to deactivate an identity from another device; the token only as a keyed hash. */
@Entity
@Table(name = "deactivation_request")
public class DeactivationRequest {

    @Id
    public UUID id;
    public UUID identityId;
    public byte[] tokenHash;
    public Instant requestedAt;
    public Instant expiresAt;
    public Instant usedAt;
}
