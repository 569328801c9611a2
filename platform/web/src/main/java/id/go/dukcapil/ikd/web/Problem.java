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
        return new Problem(TYPE_BASE + type.code().toLowerCase().replace('_', '-'), type.title(language),
                type.status(), detail, instance, type.code(), errors == null || errors.isEmpty() ? null : errors,
                extensions == null ? Map.of() : extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
