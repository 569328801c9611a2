package id.go.dukcapil.ikd.activation.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Solved captcha challenges, so that one solution counts once. */
@ApplicationScoped
public class CaptchaSolutionRepository {

    private static final String RECORD = """
            insert into captcha_solution (challenge, expires_at) values (?1, ?2)
            on conflict (challenge) do nothing""";

    /** True the first time a challenge is presented, false for a replay. */
    public Uni<Boolean> recordFirstUse(String challenge, Instant expiresAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter(1, challenge)
                .setParameter(2, expiresAt.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Integer> deleteExpired(Instant now) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from captcha_solution where expires_at < ?1")
                .setParameter(1, now.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate());
    }
}
