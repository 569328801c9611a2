package id.go.dukcapil.ikd.registration.rest;

import java.net.URI;

import jakarta.enterprise.event.Observes;

import id.go.dukcapil.ikd.registration.config.CitizenAppConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Security headers of the citizen web app at {@code /app} (static files and its config): scripts
 * and styles only from this origin, no inline code, connections only to this origin and to
 * activation-service and token-service, the camera only for this origin, no framing. A Vert.x
 * filter, because the static files never pass through JAX-RS.
 */
public class CitizenAppHeaders {

    private static final String APP = "/app";

    private final String contentSecurityPolicy;

    public CitizenAppHeaders(CitizenAppConfig config) {
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "media-src 'self' blob:; connect-src 'self' "
                + origin(config.activationUrl()) + " " + origin(config.tokenUrl()) + "; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            if (APP.equals(path)) {
                // relative module and stylesheet URLs resolve against /app/
                context.response().setStatusCode(302).putHeader("Location", APP + "/").end();
                return;
            }
            if (path.startsWith(APP + "/")) {
                context.response().headers()
                        .set("Content-Security-Policy", contentSecurityPolicy)
                        .set("Referrer-Policy", "no-referrer")
                        .set("X-Content-Type-Options", "nosniff")
                        .set("X-Frame-Options", "DENY")
                        .set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
                        .set("Cache-Control", "no-store");
            }
            context.next();
        }, 10);
    }

    /** CSP source expressions match origins; a configured URL may carry a path. */
    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
