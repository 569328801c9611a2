package id.go.dukcapil.ikd.token.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The record of every answer given to a relying party (table {@code verification_record}):
 * written in the verification's own transaction, so no answer goes out unrecorded.
 */
@ApplicationScoped
public class VerificationRecordRepository {

    private final Pool pool;

    public VerificationRecordRepository(Pool pool) {
        this.pool = pool;
    }

    private static final String INSERT = """
            insert into verification_record (reference, verified_at, relying_party, subject, jti, disclosed, verdict)
            select * from unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                                 $7::text[])""";

    /**
     * @param disclosed the scopes whose attributes the relying party learned, space-separated; empty when refused
     * @param verdict   {@code VALID} or the refusal reason
     */
    public record VerificationRecord(String reference, Instant verifiedAt, String relyingParty, String subject,
            String jti, String disclosed, String verdict) {
    }

    /** One relying party's records in [from, to), newest first, at most {@code limit}. */
    public Uni<List<VerificationRecord>> ofRelyingParty(String relyingParty, Instant from, Instant to, int limit) {
        return pool.preparedQuery("""
                select reference, verified_at, relying_party, subject, jti, disclosed, verdict from verification_record
                where relying_party = $1 and verified_at >= $2 and verified_at < $3
                order by verified_at desc limit $4""")
                .execute(Tuple.of(relyingParty, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(to, ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<VerificationRecord> records = new java.util.ArrayList<>();
                    for (io.vertx.mutiny.sqlclient.Row row : rows) {
                        records.add(new VerificationRecord(row.getString("reference"),
                                row.getOffsetDateTime("verified_at").toInstant(), row.getString("relying_party"),
                                row.getString("subject"), row.getString("jti"), row.getString("disclosed"),
                                row.getString("verdict")));
                    }
                    return records;
                });
    }

    /** A record of one holder's identity with the name of the relying party that asked (null when it has no row). */
    public record HolderEntry(VerificationRecord record, String relyingPartyName) {
    }

    /** The records of one holder ({@code subject}), newest first, at most {@code limit}: the citizen's own log. */
    public Uni<List<HolderEntry>> ofSubject(String subject, int limit) {
        return pool.preparedQuery("""
                select r.reference, r.verified_at, r.relying_party, r.subject, r.jti, r.disclosed, r.verdict, p.name
                from verification_record r left join relying_party p on p.client_id = r.relying_party
                where r.subject = $1 order by r.verified_at desc limit $2""")
                .execute(Tuple.of(subject, limit))
                .map(rows -> {
                    List<HolderEntry> entries = new java.util.ArrayList<>();
                    for (io.vertx.mutiny.sqlclient.Row row : rows) {
                        entries.add(new HolderEntry(new VerificationRecord(row.getString("reference"),
                                row.getOffsetDateTime("verified_at").toInstant(), row.getString("relying_party"),
                                row.getString("subject"), row.getString("jti"), row.getString("disclosed"),
                                row.getString("verdict")), row.getString("name")));
                    }
                    return entries;
                });
    }

    /** On {@code client} (a connection in the verification's transaction). */
    public Uni<Void> recordAll(SqlClient client, List<VerificationRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = records.size();
        String[] references = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] relyingParties = new String[n];
        String[] subjects = new String[n];
        String[] jtis = new String[n];
        String[] disclosed = new String[n];
        String[] verdicts = new String[n];
        for (int i = 0; i < n; i++) {
            VerificationRecord r = records.get(i);
            references[i] = r.reference();
            times[i] = OffsetDateTime.ofInstant(r.verifiedAt(), ZoneOffset.UTC);
            relyingParties[i] = r.relyingParty();
            subjects[i] = r.subject();
            jtis[i] = r.jti();
            disclosed[i] = r.disclosed();
            verdicts[i] = r.verdict();
        }
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] { references, times, relyingParties, subjects, jtis, disclosed, verdicts }))
                .replaceWithVoid();
    }
}
