package id.go.dukcapil.ikd.activation.service;

import java.time.Instant;

/**
 * What an activation attempt came to. Failures are results, not exceptions, so that what they
 * changed (a counted wrong PIN, a lock) commits.
 */
public record ActivationOutcome(Result result, int attemptsLeft, Instant activatedAt) {

    public enum Result {
        ACTIVATED,
        WRONG_PIN,
        LOCKED,
        EXPIRED,
        REPLACED,
        WITHDRAWN,
        ALREADY_ACTIVATED,
        INVALID_LINK,
        CAPTCHA_FAILED
    }

    static ActivationOutcome of(Result result) {
        return new ActivationOutcome(result, 0, null);
    }

    public boolean activated() {
        return result == Result.ACTIVATED;
    }
}
