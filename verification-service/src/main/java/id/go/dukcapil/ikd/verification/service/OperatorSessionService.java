package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.OperatorAccount;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.LoginThrottleRepository;
import id.go.dukcapil.ikd.verification.repository.LoginThrottleRepository.Throttle;
import id.go.dukcapil.ikd.verification.repository.OperatorRepository;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import id.go.dukcapil.ikd.web.Digests;

/**
 * Operator login: Argon2id check within the password-hash bulkhead, lockout after repeated
 * failures, every attempt in the audit chain, and a short-lived JWT with the office claim.
 *
 * <p>A username that is no (active) account is treated like one whose password is wrong: its
 * password is hashed too (against a decoy), its failures are counted in {@code login_throttle} and
 * lock it after the same number, for the same time, with the same answers. Only the audit chain
 * tells the two apart; an attacker cannot learn which usernames exist.
 */
@ApplicationScoped
public class OperatorSessionService {

    private static final Logger LOG = Logger.getLogger(OperatorSessionService.class);

    private final OperatorRepository operators;
    private final LoginThrottleRepository throttles;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final VerificationConfig config;
    private final Vertx vertx;

    public OperatorSessionService(OperatorRepository operators, LoginThrottleRepository throttles,
            PasswordHasher hasher, AuditLog audit, VerificationConfig config, Vertx vertx) {
        this.operators = operators;
        this.throttles = throttles;
        this.hasher = hasher;
        this.audit = audit;
        this.config = config;
        this.vertx = vertx;
    }

    public record OperatorSession(String accessToken, long expiresIn, String username, String fullName,
            String officeCode, Set<String> roles) {
    }

    private record Attempt(OperatorAccount account, boolean passwordMatches) {
    }

    private record Outcome(OperatorAccount account, ProblemException refusal) {
        static Outcome refused(ProblemException refusal) {
            return new Outcome(null, refusal);
        }
    }

    public Uni<OperatorSession> login(String username, String password) {
        String normalised = username.trim().toLowerCase();
        return Panache.withSession(() -> operators.findByUsername(normalised))
                // Argon2id costs ~60 ms of CPU and 19 MiB: in the bulkhead (503 SERVICE_BUSY beyond it), an
                // unknown username's password against a decoy hash so that it costs the same
                .chain(account -> hasher.verify(password, account == null || !account.active ? null : account.passwordHash)
                        .map(matches -> new Attempt(account, matches)))
                .chain(attempt -> Panache.withTransaction(() -> record(normalised, attempt)))
                // the refusal is thrown only after the transaction committed the counter and the audit entry
                .map(outcome -> {
                    if (outcome.refusal() != null) {
                        throw outcome.refusal();
                    }
                    return outcome.account();
                })
                .chain(account -> vertx.executeBlocking(Uni.createFrom().item(() -> issue(account))));
    }

    /** Records the attempt (audit, failure counter, lock) and answers the account or the refusal. */
    private Uni<Outcome> record(String username, Attempt attempt) {
        Instant now = Instant.now();
        if (attempt.account() == null || !attempt.account().active) {
            return recordUnknown(sha256(username), now);
        }
        return operators.findById(attempt.account().id).chain(account -> {
            if (account.lockedAt(now)) {
                return audit.append("LOGIN_REFUSED_LOCKED", account.username, account.officeCode, null,
                        Map.of("lockedUntil", account.lockedUntil.toString()))
                        .replaceWith(Outcome.refused(locked(account.lockedUntil)));
            }
            if (!attempt.passwordMatches()) {
                account.failedAttempts++;
                boolean lockNow = account.failedAttempts >= config.sessions().maxFailures();
                if (lockNow) {
                    account.lockedUntil = now.plus(config.sessions().lockout());
                    account.failedAttempts = 0;
                    LOG.warnf("operator account %s locked after repeated failed logins", account.username);
                }
                return audit.append(lockNow ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", account.username, account.officeCode,
                        null, Map.of("reason", "WRONG_PASSWORD"))
                        .replaceWith(Outcome.refused(lockNow ? locked(account.lockedUntil)
                                : invalidCredentials()));
            }
            account.failedAttempts = 0;
            account.lockedUntil = null;
            account.lastLoginAt = now;
            return audit.append("LOGIN_SUCCEEDED", account.username, account.officeCode, null, Map.of())
                    .replaceWith(new Outcome(account, null));
        });
    }

    /** A username that is no active account: counted and locked exactly as an account would be. */
    private Uni<Outcome> recordUnknown(String usernameSha256, Instant now) {
        return throttles.find(usernameSha256).chain(throttle -> {
            if (throttle.lockedAt(now)) {
                return audit.append("LOGIN_REFUSED_LOCKED", "(unknown)", null, null,
                        Map.of("usernameSha256", usernameSha256, "reason", "UNKNOWN_ACCOUNT"))
                        .replaceWith(Outcome.refused(locked(throttle.lockedUntil())));
            }
            int failures = throttle.failedAttempts() + 1;
            boolean lockNow = failures >= config.sessions().maxFailures();
            Throttle next = lockNow ? new Throttle(0, now.plus(config.sessions().lockout())) : new Throttle(failures, null);
            return throttles.save(usernameSha256, next, now)
                    .chain(() -> audit.append("LOGIN_FAILED", "(unknown)", null, null,
                            Map.of("usernameSha256", usernameSha256, "reason", "UNKNOWN_ACCOUNT")))
                    .replaceWith(Outcome.refused(lockNow ? locked(next.lockedUntil()) : invalidCredentials()));
        });
    }

    private OperatorSession issue(OperatorAccount account) {
        Duration lifetime = config.sessions().lifetime();
        Set<String> groups = account.roleSet().stream().map(Role::group).collect(Collectors.toSet());
        String token = Jwt.issuer(config.issuer())
                .subject(account.id.toString())
                .upn(account.username)
                .audience("ikd")
                .groups(groups)
                .claim("office", account.officeCode)
                .claim("name", account.fullName)
                .issuedAt(Instant.now())
                .expiresIn(lifetime)
                .jws().type(BearerTokenTypes.OPERATOR)
                .sign();
        return new OperatorSession(token, lifetime.toSeconds(), account.username, account.fullName,
                account.officeCode, groups);
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(VerificationProblems.INVALID_CREDENTIALS,
                "Periksa nama pengguna dan kata sandi.", "Check the username and password.");
    }

    private static ProblemException locked(Instant until) {
        return new ProblemException(VerificationProblems.ACCOUNT_LOCKED,
                "Terlalu banyak percobaan gagal; coba lagi nanti atau hubungi admin.",
                "Too many failed attempts; try again later or ask an admin.").with("lockedUntil", until.toString());
    }

    private static String sha256(String value) {
        return Digests.sha256Hex(value);
    }
}
