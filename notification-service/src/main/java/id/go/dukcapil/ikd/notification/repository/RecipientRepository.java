package id.go.dukcapil.ikd.notification.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.notification.domain.Recipient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, UUID> {

    /**
     * Insert, or replace the contact only when this one is newer: a submission consumed after the
     * correction of its registration leaves the corrected contact in place.
     */
    private static final String RECORD = """
            insert into recipient (registration_id, email, phone, language, contact_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6)
            on conflict (registration_id) do update
            set email = excluded.email, phone = excluded.phone, language = excluded.language,
                contact_at = excluded.contact_at, updated_at = excluded.updated_at
            where recipient.contact_at < excluded.contact_at""";

    /** @return 1 when the contact was written, 0 when a newer one was already there */
    public Uni<Integer> record(UUID registrationId, String email, String phone, String language, Instant contactAt,
            Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter(1, registrationId)
                .setParameter(2, email)
                .setParameter(3, phone)
                .setParameter(4, language)
                .setParameter(5, contactAt.atOffset(ZoneOffset.UTC))
                .setParameter(6, now.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    public Uni<Integer> markActivated(UUID registrationId, Instant at) {
        return update("activatedAt = ?2, updatedAt = ?3 where registrationId = ?1 and activatedAt is null",
                registrationId, at, Instant.now());
    }

    public Uni<Integer> markEnded(UUID registrationId, Instant at) {
        return update("endedAt = ?2, updatedAt = ?3 where registrationId = ?1 and endedAt is null",
                registrationId, at, Instant.now());
    }

    public Uni<Long> erase(UUID registrationId) {
        return delete("registrationId", registrationId);
    }
}
