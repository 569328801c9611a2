package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RateLimitWindows;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Limits the counter's remedies per operator (and a case's corrections per case), in the same
 * PostgreSQL windows as the public limits (PublicRateLimiter purges them), so that every replica
 * sees the same counts. A hit counts before the work, refused or not.
 */
@ApplicationScoped
public class CounterRateLimiter {

    private final RateLimitWindows windows;
    private final VerificationConfig.Counter limits;

    public CounterRateLimiter(RateLimitWindows windows, VerificationConfig config) {
        this.windows = windows;
        this.limits = config.counter();
    }

    /** 429 RATE_LIMITED past the operator's NIK searches in this window. */
    public Uni<Void> checkSearch(String username) {
        return check("CASE_SEARCH:operator:" + username, limits.searchesPerOperator(), limits.searchWindow(),
                "Terlalu banyak pencarian NIK; coba lagi nanti.", "Too many NIK searches; try again later.");
    }

    /** 429 RATE_LIMITED past the operator's contact corrections in this window (every attempt counts). */
    public Uni<Void> checkCorrection(String username) {
        return check("CONTACT_CORRECTION:operator:" + username, limits.correctionsPerOperator(),
                limits.correctionWindow(), "Terlalu banyak koreksi kontak; coba lagi nanti.",
                "Too many contact corrections; try again later.");
    }

    /**
     * 429 RATE_LIMITED past a case's corrections in this window. Counted only once the correction
     * is allowed and changes something, so that no one else (another office) can use up a case's
     * allowance.
     */
    public Uni<Void> checkCaseCorrection(UUID caseId) {
        return check("CONTACT_CORRECTION:case:" + caseId, limits.correctionsPerCase(), limits.correctionWindow(),
                "Kontak kasus ini sudah terlalu sering dikoreksi; coba lagi nanti.",
                "This case's contact was corrected too often; try again later.");
    }

    private Uni<Void> check(String bucket, int limit, Duration window, String detailId, String detailEn) {
        return windows.hit(bucket, limit, window, Instant.now()).invoke(over -> over.ifPresent(wait -> {
            throw new ProblemException(CommonProblems.RATE_LIMITED, detailId, detailEn).retryAfter(wait);
        })).replaceWithVoid();
    }
}
