package id.go.dukcapil.ikd.verification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.CounterCode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CounterCodeRepository implements PanacheRepositoryBase<CounterCode, UUID> {

    /** Records a code; a redelivered CounterCodeIssued changes nothing. */
    public Uni<Void> record(CounterCode code) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into counter_code (code_id, registration_id, short_code, sequence, issued_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, code.codeId)
                .setParameter(2, code.registrationId)
                .setParameter(3, code.shortCode)
                .setParameter(4, code.sequence)
                .setParameter(5, code.issuedAt)
                .setParameter(6, code.expiresAt)
                .executeUpdate()).replaceWithVoid();
    }

    /** The most recently issued code with this short code (short codes are unique among live codes). */
    public Uni<CounterCode> latestByShortCode(String shortCode) {
        return find("shortCode = ?1 order by issuedAt desc", shortCode).firstResult();
    }

    /** The code with the highest sequence of a registration: the only one that may be accepted. */
    public Uni<CounterCode> latestOf(UUID registrationId) {
        return find("registrationId = ?1 order by sequence desc", registrationId).firstResult();
    }
}
