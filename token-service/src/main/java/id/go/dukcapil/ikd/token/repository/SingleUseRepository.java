package id.go.dukcapil.ikd.token.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Single use of PIN proofs and QR tokens, decided by the primary key: of two concurrent claims
 * of one jti, the second waits for the first transaction and then inserts nothing.
 */
@ApplicationScoped
public class SingleUseRepository {

    private final Pool pool;

    public SingleUseRepository(Pool pool) {
        this.pool = pool;
    }

    /** In the current transaction: true the first time this PIN proof is presented. */
    public Uni<Boolean> claimPinProof(String jti, String subject, Instant expiresAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into used_pin_proof (jti, subject, expires_at) values (?1, ?2, ?3)
                on conflict (jti) do nothing""")
                .setParameter(1, jti).setParameter(2, subject).setParameter(3, expiresAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** In the current transaction: true the first time this QR token is presented. */
    public Uni<Boolean> claimQrToken(String jti, String subject, String relyingParty, Instant usedAt,
            Instant expiresAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into used_qr_token (jti, subject, relying_party, used_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (jti) do nothing""")
                .setParameter(1, jti).setParameter(2, subject).setParameter(3, relyingParty)
                .setParameter(4, usedAt).setParameter(5, expiresAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Forgets uses whose tokens have expired long enough ago that the expiry check alone
     * refuses them (the cutoff includes the leeway).
     */
    public Uni<Void> purgeExpiredBefore(Instant cutoff) {
        OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        return pool.preparedQuery("delete from used_qr_token where expires_at < $1").execute(Tuple.of(at))
                .chain(() -> pool.preparedQuery("delete from used_pin_proof where expires_at < $1")
                        .execute(Tuple.of(at)))
                .replaceWithVoid();
    }
}
