package id.go.dukcapil.ikd.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thrown by a service's rules; the platform turns it into {@code application/problem+json}.
 * {@code detail} texts are bilingual too; extensions carry machine-readable facts (e.g.
 * {@code attemptsLeft}), never personal data.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detailId;
    private final String detailEn;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Duration retryAfter;
    private List<Problem.FieldError> errors = List.of();

    public ProblemException(ProblemType type) {
        this(type, null, null);
    }

    /**
     * {@code 503 SERVICE_BUSY}: too many requests of one kind at once; the extension {@code limit}
     * names what refused it (a {@link Bulkhead}, an {@link AdmissionGate}) and {@code retryAfter}
     * goes to the client as {@code Retry-After}.
     */
    static ProblemException serviceBusy(String limit, String name, Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return new ProblemException(CommonProblems.SERVICE_BUSY,
                "Terlalu banyak permintaan sejenis sedang diproses. Silakan coba lagi dalam " + seconds + " detik.",
                "Too many requests of this kind are being processed. Please try again in " + seconds + " seconds.")
                .with(limit, name).retryAfter(retryAfter);
    }

    public ProblemException(ProblemType type, String detailId, String detailEn) {
        super(type.code(), null, false, false); // no stack trace: these are expected outcomes
        this.type = type;
        this.detailId = detailId;
        this.detailEn = detailEn;
    }

    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** The fields that are wrong, sent as {@code errors}. */
    public ProblemException errors(List<Problem.FieldError> fieldErrors) {
        this.errors = List.copyOf(fieldErrors);
        return this;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Asks the client to wait this long before trying again: sent as {@code Retry-After}. */
    public ProblemException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** The wait sent as {@code Retry-After}, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ProblemType type() {
        return type;
    }

    public String detail(String language) {
        return "en".equals(language) ? detailEn : detailId;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
