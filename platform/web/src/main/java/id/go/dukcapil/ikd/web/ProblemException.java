package id.go.dukcapil.ikd.web;

import java.util.LinkedHashMap;
import java.util.Map;

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

    public ProblemException(ProblemType type) {
        this(type, null, null);
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
