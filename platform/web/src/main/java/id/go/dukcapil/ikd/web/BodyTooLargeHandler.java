package id.go.dukcapil.ikd.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body over {@code quarkus.http.limits.max-body-size}, or a form field over
 * {@code quarkus.http.limits.max-form-attribute-size}, is refused by the HTTP layer before any
 * resource or exception mapper sees it; this keeps that answer problem+json like every other, and
 * refuses a declared {@code Content-Length} over the limit before the body is read. A service whose
 * limits need more words (registration: a selfie has its own) sets
 * {@code ikd.web.body-too-large.detail-id} and {@code -en}.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    private final ObjectMapper json;
    private final long limit;
    private final String detailId;
    private final String detailEn;

    public BodyTooLargeHandler(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String limitText,
            @ConfigProperty(name = "ikd.web.body-too-large.detail-id") Optional<String> detailId,
            @ConfigProperty(name = "ikd.web.body-too-large.detail-en") Optional<String> detailEn) {
        this.json = json;
        this.limit = limit.asLongValue();
        this.detailId = detailId.orElse("Permintaan paling besar " + limitText + ".");
        this.detailEn = detailEn.orElse("The request may be at most " + limitText + ".");
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::declaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            // 413 from Vert.x's body handler, or thrown by RESTEasy's form and multipart parsers while they read
            // a Uni endpoint's body on the event loop (there no exception mapper runs: it was a 500, per chunk)
            boolean thrown = context.failure() instanceof jakarta.ws.rs.WebApplicationException web
                    && web.getResponse().getStatus() == 413;
            if (context.statusCode() != 413 && !thrown) {
                context.next();
                return;
            }
            tooLarge(context);
        });
    }

    private void declaredLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > limit) {
            tooLarge(context);
            return;
        }
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        HttpEdge.send(context, json, CommonProblems.PAYLOAD_TOO_LARGE, detailId, detailEn);
    }
}
