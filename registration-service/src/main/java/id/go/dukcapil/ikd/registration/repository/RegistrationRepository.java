package id.go.dukcapil.ikd.registration.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.dukcapil.ikd.messaging.SessionStatements;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    private final Pool pool;

    public RegistrationRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Takes the NIK's lock until the end of the current transaction, then counts its registrations
     * awaiting verification: submissions of one NIK are serialised, so two at once cannot both pass
     * the limit. One round trip (the database function of migration V7 says why it is a function;
     * it relies on READ COMMITTED, PostgreSQL's default).
     */
    public Uni<Long> lockNikAndCountPending(String nik) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select cast(registration_pending_after_nik_lock(?1) as Long)", Long.class)
                .setParameter(1, nik).getSingleResult());
    }

    /** The other registrations of a NIK awaiting verification, locked. */
    public Uni<List<Registration>> lockOtherPendingOfNik(String nik, UUID except) {
        return find("nik = ?1 and status = ?2 and id <> ?3", nik, RegistrationStatus.PENDING_VERIFICATION, except)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<Registration> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Pending registrations submitted before {@code cutoff}, locked; rows another replica holds are skipped. */
    public Uni<List<Registration>> lockOverduePending(Instant cutoff, int limit) {
        return SessionStatements.lockSkippingHeld(Registration.class,
                "from Registration where status = ?1 and submittedAt < ?2 order by submittedAt",
                limit, RegistrationStatus.PENDING_VERIFICATION, cutoff);
    }

    /** Decided registrations (approved but never activated) still holding a selfie since before {@code cutoff}. */
    public Uni<List<Registration>> lockDecidedWithSelfie(Instant cutoff, int limit) {
        return SessionStatements.lockSkippingHeld(Registration.class,
                "from Registration where selfieSealed is not null and decidedAt < ?1 order by decidedAt",
                limit, cutoff);
    }

    /** Approved registrations decided before {@code cutoff} and never activated. */
    public Uni<List<Registration>> lockUnactivatedApprovals(Instant cutoff, int limit) {
        return SessionStatements.lockSkippingHeld(Registration.class,
                "from Registration where status = ?1 and decidedAt < ?2 order by decidedAt",
                limit, RegistrationStatus.APPROVED, cutoff);
    }

    /**
     * The stored secret hash of a registration, or null. Outside any Hibernate session: request
     * filters run before the resource and need no unit of work.
     */
    public Uni<byte[]> secretHash(UUID id) {
        return pool.preparedQuery("select secret_hash from registration where id = $1").execute(Tuple.of(id))
                .map(RegistrationRepository::firstBytes);
    }

    /** The sealed selfie; null for an unknown registration or an erased selfie. */
    public Uni<byte[]> sealedSelfie(UUID id) {
        return pool.preparedQuery("select selfie_sealed from registration where id = $1 and selfie_sealed is not null")
                .execute(Tuple.of(id)).map(RegistrationRepository::firstBytes);
    }

    private static byte[] firstBytes(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? iterator.next().getBuffer(0).getBytes() : null;
    }
}
