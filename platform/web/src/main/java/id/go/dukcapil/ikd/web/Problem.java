package id.go.dukcapil.ikd.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document with the suite's stable {@code code}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ikd.dukcapil.go.id/problems/";

    /** One invalid field: where, which rule, and what to do, in the chosen language. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String code, String message) {
    }

    public static Problem of(ProblemType type, String language, String detail, String instance,
            List<FieldError> errors, Map<String, Object> extensions) {
        return of(type, language, detail, null, instance, errors, extensions);
    }

    /**
     * In {@code language}; when that is not English, also {@code titleEn} and {@code detailEn}, so a
     * page can show the answer in Bahasa Indonesia first and English second, as every text of the suite.
     */
    public static Problem of(ProblemType type, String language, String detail, String detailEn, String instance,
            List<FieldError> errors, Map<String, Object> extensions) {
        Map<String, Object> members = new java.util.LinkedHashMap<>(extensions == null ? Map.of() : extensions);
        if (!"en".equals(language)) {
            members.put("titleEn", type.title("en"));
            if (detailEn != null) {
                members.put("detailEn", detailEn);
            }
        }
        return new Problem(TYPE_BASE + type.code().toLowerCase().replace('_', '-'), type.title(language),
                type.status(), detail, instance, type.code(), errors == null || errors.isEmpty() ? null : errors,
                java.util.Collections.unmodifiableMap(members));
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
