package id.go.dukcapil.ikd.activation.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.domain.ContactDigest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContactDigestRepository implements PanacheRepositoryBase<ContactDigest, UUID> {

    /**
     * Insert, or replace the hashes only when this contact is newer: a submission consumed after
     * the correction of its registration (another topic) leaves the corrected contact's hashes.
     */
    private static final String RECORD = """
            insert into contact_digest (registration_id, email_hash, phone_hash, contact_at, recorded_at)
            values (?1, ?2, ?3, ?4, ?5)
            on conflict (registration_id) do update
            set email_hash = excluded.email_hash, phone_hash = excluded.phone_hash,
                contact_at = excluded.contact_at, recorded_at = excluded.recorded_at
            where contact_digest.contact_at < excluded.contact_at""";

    /** @return 1 when the hashes were written, 0 when a newer contact's were already there */
    public Uni<Integer> record(UUID registrationId, byte[] emailHash, byte[] phoneHash, Instant contactAt,
            Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter(1, registrationId)
                .setParameter(2, emailHash)
                .setParameter(3, phoneHash)
                .setParameter(4, contactAt.atOffset(ZoneOffset.UTC))
                .setParameter(5, now.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }
}
