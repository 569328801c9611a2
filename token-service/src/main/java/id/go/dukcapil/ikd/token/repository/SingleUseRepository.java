package id.go.dukcapil.ikd.token.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.token.domain.VerificationResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Single use of PIN proofs and QR tokens, decided by the primary key: of two concurrent claims
 * of one jti, the second waits for the first transaction and then inserts nothing; of two in the
 * same statement, the earlier one wins. Each claim reads the subject's current identity and
 * claims in one statement (atomic, no ORM), for many presentations at once: these are the two hot
 * paths of the service, minting and verifying, and their callers group concurrent requests into
 * one statement ({@code GroupCommit}). Rows are inserted in jti order, so that two replicas
 * claiming overlapping sets cannot deadlock.
 */
@ApplicationScoped
public class SingleUseRepository {

    /** The subject's current identity: the newest active one (a lateral join per attempt). */
    private static final String CURRENT_IDENTITY_OF_ATTEMPT = """
            left join lateral (
                select full_name, nik_masked, birth_date, photo_sha256, activated_at, registration_id, office_code,
                       office_name from identity
                where subject = a.subject and revoked_at is null and activated_at is not null
                order by activated_at desc limit 1) c on true""";

    private static final String CLAIM_PIN_PROOFS = """
            with attempt as (
                select * from unnest($1::text[], $2::text[], $3::timestamptz[])
                    with ordinality as a(subject, jti, expires_at, n)),
            judged as (
                select a.n, a.subject, a.jti, a.expires_at,
                       c.full_name, c.nik_masked, c.birth_date, c.photo_sha256, c.activated_at,
                       row_number() over (partition by a.jti order by a.n) = 1 as earliest
                from attempt a
            """ + CURRENT_IDENTITY_OF_ATTEMPT + """
            ),
            claim as (
                insert into used_pin_proof (jti, subject, expires_at)
                select jti, subject, expires_at from judged where activated_at is not null and earliest order by jti
                on conflict (jti) do nothing returning jti)
            select j.*, (j.earliest and c.jti is not null) as first
            from judged j left join claim c on c.jti = j.jti order by j.n""";

    private static final String CLAIM_QR_TOKENS = """
            with attempt as (
                select * from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[],
                                     $6::timestamptz[], $7::text[])
                    with ordinality as a(subject, jti, relying_party, used_at, expires_at, activated_no_later_than,
                                         disclosed, n)),
            judged as (
                select a.*, coalesce(c.activated_at <= a.activated_no_later_than, false) as for_current_identity,
                       c.full_name, c.nik_masked, c.birth_date, c.photo_sha256, c.registration_id, c.office_code,
                       c.office_name,
                       row_number() over (partition by a.jti order by a.n) = 1 as earliest
                from attempt a
            """ + CURRENT_IDENTITY_OF_ATTEMPT + """
            ),
            claim as (
                insert into used_qr_token (jti, subject, relying_party, used_at, expires_at, disclosed)
                select jti, subject, relying_party, used_at, expires_at, disclosed from judged
                where for_current_identity and earliest order by jti
                on conflict (jti) do nothing returning jti)
            select j.for_current_identity, (j.earliest and c.jti is not null) as first,
                   j.full_name, j.nik_masked, j.birth_date, j.photo_sha256, j.registration_id, j.office_code,
                   j.office_name
            from judged j left join claim c on c.jti = j.jti order by j.n""";

    /** A PIN proof presented for a mint, until when it could be presented. */
    public record PinProofAttempt(String subject, String jti, Instant expiresAt) {
    }

    /** A PIN proof presented for a mint: the identity to mint for, and whether this was the proof's first use. */
    public record PinProofClaim(Identity identity, boolean first) {
    }

    /**
     * A QR token presented to a relying party; it counts only while the subject's current identity
     * was activated no later than {@code activatedNoLaterThan}. {@code disclosed}: the scopes the
     * relying party learns (space-separated), kept with the use for the citizen's record.
     */
    public record QrTokenAttempt(String subject, String jti, String relyingParty, Instant usedAt, Instant expiresAt,
            Instant activatedNoLaterThan, String disclosed) {
    }

    /**
     * A QR token presented to a relying party: whether the subject's current identity is one the
     * token could have been issued for, whether this was the token's first use, and that identity's
     * attributes (for the online answer to a token that shows none).
     */
    public record QrTokenClaim(boolean forCurrentIdentity, boolean first, String fullName, String nikMasked,
            LocalDate birthDate, String photoSha256, VerificationResult.Holder holder) {
    }

    private final Pool pool;

    public SingleUseRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims PIN proofs, each only when its subject has an active identity; one answer per attempt,
     * in order, empty when the subject has none.
     */
    public Uni<List<Optional<PinProofClaim>>> claimPinProofs(List<PinProofAttempt> attempts) {
        Tuple columns = Tuple.of(column(attempts, PinProofAttempt::subject, String[]::new),
                column(attempts, PinProofAttempt::jti, String[]::new),
                column(attempts, a -> utc(a.expiresAt()), OffsetDateTime[]::new));
        return pool.preparedQuery(CLAIM_PIN_PROOFS).execute(columns).map(rows -> {
            List<Optional<PinProofClaim>> claims = new ArrayList<>(attempts.size());
            for (Row row : rows) {
                claims.add(row.getValue("activated_at") == null ? Optional.empty()
                        : Optional.of(new PinProofClaim(identity(row), row.getBoolean("first"))));
            }
            return claims;
        });
    }

    /** On {@code client} (a connection in the caller's transaction): claims QR tokens; one answer per attempt, in order. */
    public Uni<List<QrTokenClaim>> claimQrTokens(SqlClient client, List<QrTokenAttempt> attempts) {
        Tuple columns = Tuple.from(new Object[] {
                column(attempts, QrTokenAttempt::subject, String[]::new),
                column(attempts, QrTokenAttempt::jti, String[]::new),
                column(attempts, QrTokenAttempt::relyingParty, String[]::new),
                column(attempts, a -> utc(a.usedAt()), OffsetDateTime[]::new),
                column(attempts, a -> utc(a.expiresAt()), OffsetDateTime[]::new),
                column(attempts, a -> utc(a.activatedNoLaterThan()), OffsetDateTime[]::new),
                column(attempts, QrTokenAttempt::disclosed, String[]::new) });
        return client.preparedQuery(CLAIM_QR_TOKENS).execute(columns)
                .map(rows -> {
                    List<QrTokenClaim> claims = new ArrayList<>(attempts.size());
                    for (Row row : rows) {
                        claims.add(new QrTokenClaim(row.getBoolean("for_current_identity"), row.getBoolean("first"),
                                row.getString("full_name"), row.getString("nik_masked"), row.getLocalDate("birth_date"),
                                row.getString("photo_sha256"), new VerificationResult.Holder(row.getUUID("registration_id"),
                                        row.getString("office_code"), row.getString("office_name"),
                                        row.getString("photo_sha256"))));
                    }
                    return claims;
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

    /** One parameter array of an unnest: a field of every attempt, in order. */
    private static <A, V> V[] column(List<A> attempts, Function<A, V> field, IntFunction<V[]> array) {
        V[] values = array.apply(attempts.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(attempts.get(i));
        }
        return values;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
