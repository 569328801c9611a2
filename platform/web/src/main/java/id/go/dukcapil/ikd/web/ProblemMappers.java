package id.go.dukcapil.ikd.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves every service as RFC 9457 {@code application/problem+json} with a stable
 * {@code code}; the title is in Bahasa Indonesia unless the client prefers English. Unexpected
 * failures are logged with a reference and answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        Response response = respond(Problem.of(e.type(), language, e.detail(language), uri.getPath(), null,
                e.extensions()));
        return e.retryAfter()
                .map(wait -> Response.fromResponse(response)
                        .header("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))).build())
                .orElse(response);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(field(v), constraint(v), v.getMessage()))
                .toList();
        return respond(Problem.of(CommonProblems.VALIDATION_FAILED, language, null, uri.getPath(), errors, null));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        String detail = "en".equals(language) ? "The body is not valid JSON for this endpoint."
                : "Isi permintaan bukan JSON yang valid untuk layanan ini.";
        return respond(Problem.of(CommonProblems.MALFORMED_REQUEST, language, detail, uri.getPath(), null, null));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        return Response.fromResponse(respond(Problem.of(CommonProblems.UNAUTHORIZED, language, null, uri.getPath(),
                null, null))).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        return respond(Problem.of(CommonProblems.FORBIDDEN, language, null, uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request to %s failed with %d", uri.getPath(), status);
        }
        Response response = respond(Problem.of(CommonProblems.forStatus(status), language, null, uri.getPath(),
                null, null));
        return status == response.getStatus() ? response : Response.fromResponse(response).status(status).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        String reference = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure on %s (reference %s)", uri.getPath(), reference);
        return respond(Problem.of(CommonProblems.INTERNAL_ERROR, language, null, uri.getPath(), null,
                Map.of("reference", reference)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "register.request.nik" -> "nik": clients know their body, not our method names
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String constraint(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName().toUpperCase();
    }
}
