package id.go.dukcapil.ikd.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before any
 * resource or exception mapper sees it; this keeps that answer problem+json like every other. A
 * service whose limits need more words (registration: a selfie has its own) sets
 * {@code ikd.web.body-too-large.detail-id} and {@code -en}.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    private final ObjectMapper json;
    private final String detailId;
    private final String detailEn;

    public BodyTooLargeHandler(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String limit,
            @ConfigProperty(name = "ikd.web.body-too-large.detail-id") Optional<String> detailId,
            @ConfigProperty(name = "ikd.web.body-too-large.detail-en") Optional<String> detailEn) {
        this.json = json;
        this.detailId = detailId.orElse("Permintaan paling besar " + limit + ".");
        this.detailEn = detailEn.orElse("The request may be at most " + limit + ".");
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
                    Languages.ENGLISH.equals(language) ? detailEn : detailId,
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
