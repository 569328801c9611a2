package id.go.dukcapil.ikd.verification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.OfficeListing;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.OfficeDirectoryRepository;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** The public office directory: no login, searched by name and by area code, limited per address. */
@ApplicationScoped
public class OfficeDirectory {

    private final OfficeDirectoryRepository directory;
    private final PublicRateLimiter limiter;
    private final VerificationConfig config;

    public OfficeDirectory(OfficeDirectoryRepository directory, PublicRateLimiter limiter, VerificationConfig config) {
        this.directory = directory;
        this.limiter = limiter;
        this.config = config;
    }

    /** What a search asks: a name (part), an area code, both or neither (every office). */
    public record Query(String name, String area) {
    }

    public Uni<List<OfficeListing>> search(Query query, String clientAddress) {
        String pattern;
        String area;
        try {
            pattern = namePattern(query.name());
            area = areaCode(query.area());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new ProblemException(CommonProblems.VALIDATION_FAILED,
                    "Kode wilayah terdiri dari 2, 4 atau 6 angka (mis. 63, 63.05, 63.05.04).",
                    "An area code has 2, 4 or 6 digits (e.g. 63, 63.05, 63.05.04)."));
        }
        return limiter.checkDirectory(clientAddress)
                .chain(() -> directory.search(pattern, area, config.directory().maxResults()));
    }

    public Uni<OfficeListing> office(String code, String clientAddress) {
        return limiter.checkDirectory(clientAddress).chain(() -> directory.byCode(code)).map(found -> found.stream()
                .findFirst().orElseThrow(() -> new ProblemException(VerificationProblems.OFFICE_NOT_FOUND,
                        "Tidak ada kantor dengan kode ini.", "No office has this code.")));
    }

    /** A LIKE pattern for a typed name, its wildcards taken literally; null for none. */
    static String namePattern(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String literal = name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal.replaceAll("\\s+", "%") + "%";
    }

    /**
     * An area code with dots: {@code 63}, {@code 6305}, {@code 63.05}, {@code 630504} or
     * {@code 63.05.04}. Null for none.
     *
     * @throws IllegalArgumentException when it is no area code
     */
    static String areaCode(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.strip().replace(".", "");
        if (!digits.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw new IllegalArgumentException("not an area code");
        }
        return String.join(".", digits.split("(?<=\\G\\d{2})"));
    }
}
