package id.go.dukcapil.ikd.token.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.domain.Identity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Single use of PIN proofs and QR tokens, decided by the primary key: of two concurrent claims
 * of one jti, the second waits for the first transaction and then inserts nothing. Each claim
 * reads the subject's current identity and claims in one statement (one round trip, atomic, no
 * ORM): these are the two hot paths of the service, minting and verifying.
 */
@ApplicationScoped
public class SingleUseRepository {

    /** The subject's current identity: the newest active one. */
    private static final String CURRENT_IDENTITY = """
            current_identity as (
                select subject, full_name, nik_masked, birth_date, photo_sha256, activated_at from identity
                where subject = $1 and revoked_at is null and activated_at is not null
                order by activated_at desc limit 1)""";

    private static final String CLAIM_PIN_PROOF = "with " + CURRENT_IDENTITY + """
            ,
            claim as (
                insert into used_pin_proof (jti, subject, expires_at)
                select $2, $1, $3 from current_identity
                on conflict (jti) do nothing returning jti)
            select i.*, exists (select 1 from claim) as first from current_identity i""";

    private static final String CLAIM_QR_TOKEN = "with " + CURRENT_IDENTITY + """
            ,
            claim as (
                insert into used_qr_token (jti, subject, relying_party, used_at, expires_at)
                select $2, $1, $3, $4, $5 from current_identity where activated_at <= $6
                on conflict (jti) do nothing returning jti)
            select exists (select 1 from current_identity where activated_at <= $6) as for_current_identity,
                   exists (select 1 from claim) as first""";

    /** A PIN proof presented for a mint: the identity to mint for, and whether this was the proof's first use. */
    public record PinProofClaim(Identity identity, boolean first) {
    }

    /**
     * A QR token presented to a relying party: whether the subject's current identity is one the
     * token could have been issued for, and whether this was the token's first use.
     */
    public record QrTokenClaim(boolean forCurrentIdentity, boolean first) {
    }

    private final Pool pool;

    public SingleUseRepository(Pool pool) {
        this.pool = pool;
    }

    /** Claims a PIN proof only when the subject has an active identity; empty when it has none. */
    public Uni<Optional<PinProofClaim>> claimPinProof(String subject, String jti, Instant expiresAt) {
        return pool.preparedQuery(CLAIM_PIN_PROOF).execute(Tuple.of(subject, jti, utc(expiresAt)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new PinProofClaim(identity(row), row.getBoolean("first")));
                });
    }

    /**
     * On {@code client} (a connection in the caller's transaction): claims a QR token only when the
     * subject's current identity was activated no later than {@code activatedNoLaterThan}.
     */
    public Uni<QrTokenClaim> claimQrToken(SqlClient client, String subject, String jti, String relyingParty,
            Instant usedAt, Instant expiresAt, Instant activatedNoLaterThan) {
        return client.preparedQuery(CLAIM_QR_TOKEN)
                .execute(Tuple.from(new Object[] { subject, jti, relyingParty, utc(usedAt), utc(expiresAt),
                        utc(activatedNoLaterThan) }))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new QrTokenClaim(row.getBoolean("for_current_identity"), row.getBoolean("first"));
                });
    }

    /**
     * Forgets uses whose tokens have expired long enough ago that the expiry check alone
     * refuses them (the cutoff includes the leeway).
     */
    public Uni<Void> purgeExpiredBefore(Instant cutoff) {
        OffsetDateTime at = utc(cutoff);
        return pool.preparedQuery("delete from used_qr_token where expires_at < $1").execute(Tuple.of(at))
                .chain(() -> pool.preparedQuery("delete from used_pin_proof where expires_at < $1")
                        .execute(Tuple.of(at)))
                .replaceWithVoid();
    }

    private static Identity identity(Row row) {
        Identity identity = new Identity();
        identity.subject = row.getString("subject");
        identity.fullName = row.getString("full_name");
        identity.nikMasked = row.getString("nik_masked");
        identity.birthDate = row.getLocalDate("birth_date");
        identity.photoSha256 = row.getString("photo_sha256");
        identity.activatedAt = row.getOffsetDateTime("activated_at").toInstant();
        return identity;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
