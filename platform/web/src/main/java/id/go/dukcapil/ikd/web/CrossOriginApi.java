package id.go.dukcapil.ikd.web;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets the citizen web app, served by another service, call the API paths it needs from the
 * browser (CORS), and nothing else: only the paths listed in {@code ikd.web.cors.paths} answer
 * cross-origin requests, only for the origins in {@code ikd.web.cors.origins}. Quarkus's own CORS
 * filter is global, and would also judge the same-origin form posts of this service's pages.
 */
@ApplicationScoped
public class CrossOriginApi {

    private static final String ALLOWED_HEADERS = "Content-Type, Authorization, Accept, Accept-Language, Idempotency-Key";

    private final List<String> origins;
    private final List<String> paths;

    public CrossOriginApi(@ConfigProperty(name = "ikd.web.cors.origins") Optional<List<String>> origins,
            @ConfigProperty(name = "ikd.web.cors.paths") Optional<List<String>> paths) {
        this.origins = origins.orElse(List.of());
        this.paths = paths.orElse(List.of());
    }

    void install(@Observes Router router) {
        if (origins.isEmpty() || paths.isEmpty()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null || !origins.contains(origin) || paths.stream().noneMatch(context.request().path()::startsWith)) {
            context.next();
            return;
        }
        var response = context.response();
        response.putHeader("Access-Control-Allow-Origin", origin);
        response.putHeader("Vary", "Origin");
        if (context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null) {
            response.putHeader("Access-Control-Allow-Methods", "GET, POST");
            response.putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.putHeader("Access-Control-Max-Age", "600");
            response.setStatusCode(204).end();
            return;
        }
        response.putHeader("Access-Control-Expose-Headers", "Retry-After");
        context.next();
    }
}
