package id.go.dukcapil.ikd.activation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A nonce the app must sign with its device key; single use. */
@Entity
@Table(name = "session_challenge")
public class SessionChallenge {

    @Id
    public String nonce;
    public UUID identityId;
    public Instant expiresAt;
}
