package id.go.dukcapil.ikd.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * A NUL character in a path segment, a query parameter or a form field (URL-encoded or multipart)
 * is refused with {@code VALIDATION_FAILED} naming the field. PostgreSQL cannot store NUL in text,
 * so such a value would otherwise fail in the database as a 500 (a login name, a client id); JSON
 * bodies get the same rule from {@link StrictJson}. {@code readBody} makes the form available here.
 */
public class ControlCharacterFilter {

    @ServerRequestFilter(readBody = true)
    public void refuseNul(ResteasyReactiveContainerRequestContext request, UriInfo uri) {
        List<String> fields = new ArrayList<>();
        collect(uri.getPathParameters(), fields);
        collect(uri.getQueryParameters(), fields);
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getFormData() != null) {
            collect(context.getFormData(), fields);
        }
        if (fields.isEmpty()) {
            return;
        }
        boolean en = Languages.ENGLISH.equals(Languages.preferred(request.getAcceptableLanguages()));
        throw new ProblemException(CommonProblems.VALIDATION_FAILED).errors(fields.stream()
                .map(field -> new Problem.FieldError(field, "CONTROL_CHARACTER",
                        en ? "must not contain control characters" : "tidak boleh berisi karakter kontrol"))
                .toList());
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<String> fields) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(ControlCharacterFilter::hasNul)) {
                fields.add(parameter.getKey().replace('\0', '?'));
            }
        }
    }

    private static void collect(FormData form, List<String> fields) {
        for (String name : form) {
            boolean nul = hasNul(name);
            for (FormValue value : form.get(name)) {
                nul |= !value.isFileItem() && hasNul(value.getValue());
            }
            if (nul) {
                fields.add(name.replace('\0', '?'));
            }
        }
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }
}
