package id.go.dukcapil.ikd.activation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Keyed hashes of a registration's email and phone, not the contact itself: enough to match a
 * self-deactivation request (NIK, email and phone) when the approval came without contact
 * (verification.decided.v2). {@code contactAt} is the submission's or the correction's own time:
 * the newer one stays.
 */
@Entity
@Table(name = "contact_digest")
public class ContactDigest {

    @Id
    public UUID registrationId;
    public byte[] emailHash;
    public byte[] phoneHash;
    public Instant contactAt;
    public Instant recordedAt;
}
