package id.go.dukcapil.ikd.registration.rest;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.go.dukcapil.ikd.registration.service.RegistrationService;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.Languages;
import id.go.dukcapil.ikd.web.Problem;
import io.smallrye.mutiny.Uni;

/**
 * Checks the registration secret before any endpoint marked {@link RegistrationSecretRequired}
 * runs. A wrong secret, a missing one, an unknown or malformed id all get the same 401: nobody
 * learns whether a registration exists. The secret is a header rather than a bearer token, since
 * bearer tokens are the suite's JWTs and are verified as such.
 */
public class RegistrationSecretFilter {

    public static final String HEADER = "X-Registration-Secret";

    private final RegistrationService registrations;

    public RegistrationSecretFilter(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @ServerRequestFilter
    public Uni<Response> requireSecret(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(RegistrationSecretRequired.class)) {
            return Uni.createFrom().nullItem();
        }
        UUID id = parse(request.getUriInfo().getPathParameters().getFirst("id"));
        String secret = request.getHeaderString(HEADER);
        if (id == null || secret == null || secret.isBlank()) {
            return Uni.createFrom().item(unauthorized(request));
        }
        return registrations.secretMatches(id, secret).map(matches -> matches ? null : unauthorized(request));
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response unauthorized(ContainerRequestContext request) {
        String language = Languages.preferred(request.getAcceptableLanguages());
        String detail = Languages.ENGLISH.equals(language)
                ? "Send the registration secret you received at registration in the " + HEADER + " header."
                : "Kirim rahasia pendaftaran yang Anda terima saat mendaftar di header " + HEADER + ".";
        Problem problem = Problem.of(CommonProblems.UNAUTHORIZED, language, detail,
                request.getUriInfo().getPath(), null, null);
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
