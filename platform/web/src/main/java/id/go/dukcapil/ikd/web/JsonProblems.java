package id.go.dukcapil.ikd.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a JSON body, said so that a client can act on it: a value of the wrong type
 * or outside its allowed values is {@code VALIDATION_FAILED} naming the field
 * ({@code errors[].field}, e.g. {@code inner.count}, {@code tags[1]}); a body that is not JSON, not
 * an object, or nested too deeply is {@code MALFORMED_REQUEST}. Jackson's message is never sent:
 * it names our classes.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static ProblemException of(JsonProcessingException e, String language) {
        boolean en = Languages.ENGLISH.equals(language);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return new ProblemException(CommonProblems.MALFORMED_REQUEST,
                        "Isi JSON terlalu dalam bertingkat atau terlalu besar.",
                        "The JSON body is nested too deeply or too large.");
            }
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new ProblemException(CommonProblems.VALIDATION_FAILED)
                    .errors(List.of(fieldError(mismatch, en)));
        }
        if (e instanceof MismatchedInputException) {
            return new ProblemException(CommonProblems.MALFORMED_REQUEST, "Isi permintaan harus berupa objek JSON.",
                    "The body must be a JSON object.");
        }
        return new ProblemException(CommonProblems.MALFORMED_REQUEST,
                "Isi permintaan bukan JSON yang valid untuk layanan ini.", "The body is not valid JSON for this endpoint.");
    }

    private static Problem.FieldError fieldError(MismatchedInputException e, boolean en) {
        String field = path(e.getPath());
        if (e instanceof ControlCharacterException) {
            return new Problem.FieldError(field, "CONTROL_CHARACTER", en ? "must not contain control characters"
                    : "tidak boleh berisi karakter kontrol");
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new Problem.FieldError(field, "UNKNOWN_FIELD", en ? "is not a field of this request"
                    : "bukan bagian dari permintaan ini");
        }
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException && target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return new Problem.FieldError(field, "ONE_OF", (en ? "must be one of " : "harus salah satu dari ") + allowed);
        }
        return new Problem.FieldError(field, "TYPE", (en ? "must be " : "harus berupa ") + kind(target, en));
    }

    private static String kind(Class<?> target, boolean en) {
        if (target == null) {
            return en ? "of another type" : "jenis lain";
        }
        if (target == String.class || target.isEnum() || target == java.util.UUID.class) {
            return en ? "a string" : "teks (string)";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return en ? "a number" : "angka";
        }
        if (target == Boolean.class || target == boolean.class) {
            return en ? "true or false" : "true atau false";
        }
        if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
            return en ? "an array" : "array";
        }
        return en ? "an object" : "objek";
    }

    /** {@code inner.count}, {@code tags[1]}: the path a client knows from its own body. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
