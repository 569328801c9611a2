package id.go.dukcapil.ikd.registration.service.ratelimit;

import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/** Too many requests from one device or address; the answer carries {@code Retry-After}. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(CommonProblems.RATE_LIMITED, "Terlalu banyak permintaan. Coba lagi dalam " + retryAfterSeconds + " detik.",
                "Too many requests. Try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
        with("retryAfter", retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
