package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A counter code issued by registration-service (CounterCodeIssued); only the latest one is valid. */
@Entity
@Table(name = "counter_code")
public class CounterCode {

    @Id
    public UUID codeId;
    public UUID registrationId;
    public String shortCode;
    public int sequence;
    public Instant issuedAt;
    public Instant expiresAt;
}
