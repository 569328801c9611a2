package id.go.dukcapil.ikd.activation.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.domain.SessionChallenge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SessionChallengeRepository implements PanacheRepositoryBase<SessionChallenge, String> {

    /**
     * Takes a nonce out (single use): the challenge, or null when unknown or already taken. Two
     * concurrent takers serialise on the row; only the one whose delete removed it gets it.
     */
    public Uni<SessionChallenge> take(String nonce) {
        return findById(nonce).chain(found -> found == null ? Uni.createFrom().<SessionChallenge>nullItem()
                : delete("nonce = ?1", nonce).map(deleted -> deleted == 1 ? found : null));
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
