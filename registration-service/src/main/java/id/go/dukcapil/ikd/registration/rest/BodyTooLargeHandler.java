package id.go.dukcapil.ikd.registration.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.Languages;
import id.go.dukcapil.ikd.web.Problem;
import io.vertx.ext.web.Router;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before any
 * resource or exception mapper sees it; this keeps that answer problem+json like every other.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    private final ObjectMapper json;

    public BodyTooLargeHandler(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() != 413 || context.response().headWritten()) {
                context.next();
                return;
            }
            String language = Languages.preferred(context.acceptableLanguages().stream()
                    .map(header -> java.util.Locale.forLanguageTag(header.value())).toList());
            Problem problem = Problem.of(CommonProblems.PAYLOAD_TOO_LARGE, language,
                    Languages.ENGLISH.equals(language) ? "The request may be at most 3 MB; a selfie at most 2 MB."
                            : "Permintaan paling besar 3 MB; swafoto paling besar 2 MB.",
                    context.request().path(), null, null);
            try {
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.next();
            }
        });
    }
}
