package id.go.dukcapil.ikd.web;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The security headers of the services' web pages, set in one place for every page family (the
 * activation page, the operator portal, the verifier page): under the path prefixes of
 * {@code ikd.web.pages.paths}, the service's {@code ikd.web.pages.content-security-policy} (by
 * default scripts, styles and images only from this origin, no inline code, forms only to this
 * origin, no framing), {@code Permissions-Policy}, no referrer (page URLs may hold link tokens),
 * {@code X-Frame-Options: DENY} for browsers without {@code frame-ancestors}, and no caching.
 * Every answer of the service, JSON and problem+json included, carries
 * {@code X-Content-Type-Options: nosniff}.
 *
 * <p>A Vert.x route rather than a JAX-RS filter, so that static files, error answers and
 * framework answers (404, 413) get the headers too; they are set when the headers are written,
 * over whatever a handler set.
 */
@ApplicationScoped
public class PageSecurityHeaders {

    /** The policy of a page with no configured one: nothing from anywhere but this origin, no inline code. */
    public static final String STRICT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final List<String> paths;
    private final String contentSecurityPolicy;
    private final String permissionsPolicy;

    public PageSecurityHeaders(@ConfigProperty(name = "ikd.web.pages.paths") Optional<List<String>> paths,
            @ConfigProperty(name = "ikd.web.pages.content-security-policy", defaultValue = STRICT_POLICY) String contentSecurityPolicy,
            @ConfigProperty(name = "ikd.web.pages.permissions-policy",
                    defaultValue = "camera=(), microphone=(), geolocation=()") String permissionsPolicy) {
        this.paths = paths.orElse(List.of());
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.permissionsPolicy = permissionsPolicy;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        boolean page = isPage(context.request().path());
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            if (page) {
                headers.set("Content-Security-Policy", contentSecurityPolicy);
                headers.set("Permissions-Policy", permissionsPolicy);
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Cache-Control", "no-store");
            }
        });
        context.next();
    }

    /** Whether {@code path} is under one of the pages' prefixes ({@code /verify} also covers {@code /verify.js}). */
    boolean isPage(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : paths) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
