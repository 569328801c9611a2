package id.go.dukcapil.ikd.registration.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One step on a registration's timeline; its id orders the timeline and is the SSE event id. */
@Entity
@Table(name = "registration_event")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID registrationId;
    @Enumerated(EnumType.STRING)
    public TimelineKind kind;
    /** The registration's status right after this step. */
    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;
    public Instant at;
    public String reasonCode;
    public String note;
    public String channel;
    public String messageKind;
    public String recipient;
    /** The office that decided or revoked, named in the app's next step; null otherwise. */
    public String officeName;
    public String officePhone;
    public String officeAddress;
    /** Central review steps: when the review is expected to be done; null otherwise. */
    public Instant expectedAt;

    public static TimelineEntry of(Registration registration, TimelineKind kind, Instant at) {
        TimelineEntry entry = new TimelineEntry();
        entry.registrationId = registration.id;
        entry.kind = kind;
        entry.status = registration.status;
        entry.at = at;
        return entry;
    }
}
