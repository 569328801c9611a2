package id.go.dukcapil.ikd.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before any
 * resource or exception mapper sees it; this keeps that answer problem+json like every other.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    private final ObjectMapper json;
    private final String limit;

    public BodyTooLargeHandler(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String limit) {
        this.json = json;
        this.limit = limit;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() != 413 || context.response().headWritten()) {
                context.next();
                return;
            }
            String language = Languages.preferred(context.acceptableLanguages().stream()
                    .map(header -> Locale.forLanguageTag(header.value())).toList());
            Problem problem = Problem.of(CommonProblems.PAYLOAD_TOO_LARGE, language,
                    Languages.ENGLISH.equals(language) ? "The request may be at most " + limit + "."
                            : "Permintaan paling besar " + limit + ".",
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
