package id.go.dukcapil.ikd.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The contact of a registration's citizen, kept once: from RegistrationSubmitted, replaced by a
 * later ContactCorrected. The events of activation-service's {@code .v2} carry no contact and are
 * sent here.
 */
@Entity
@Table(name = "recipient")
public class Recipient {

    @Id
    public UUID registrationId;
    public String email;
    public String phone;
    public String language;
    /** Time of the event this contact comes from; an older one never replaces it. */
    public Instant contactAt;
    public Instant activatedAt;
    public Instant endedAt;
    public Instant updatedAt;

    public Contact contact() {
        return new Contact(email, phone, language);
    }
}
