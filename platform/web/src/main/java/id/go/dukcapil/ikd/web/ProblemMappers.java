package id.go.dukcapil.ikd.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves every service as RFC 9457 {@code application/problem+json} with a stable
 * {@code code}; the title is in Bahasa Indonesia unless the client prefers English. Unexpected
 * failures are logged with a reference and answered without internals.
 */
public class ProblemMappers {

    /** How long a client is asked to wait while a dependency is down. */
    static final java.time.Duration OUTAGE_RETRY_AFTER = java.time.Duration.ofSeconds(5);

    private final Instance<OutageClassifier> outages;

    public ProblemMappers(Instance<OutageClassifier> outages) {
        this.outages = outages;
    }

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        Response response = respond(Problem.of(e.type(), language, e.detail(language), e.detail("en"), uri.getPath(),
                e.errors(), e.extensions()));
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
        return problem(JsonProblems.of(e, Languages.preferred(headers.getAcceptableLanguages())), headers, uri);
    }

    /** Ahead of quarkus-rest-jackson's own mapper, which answers an empty 400. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
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
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, headers, uri); // what quarkus-rest-jackson wraps: bad syntax, nesting too deep
        }
        String language = Languages.preferred(headers.getAcceptableLanguages());
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request to %s failed with %d", uri.getPath(), status);
        }
        Response response = respond(Problem.of(CommonProblems.forStatus(status), language, null, uri.getPath(),
                null, null));
        return status == response.getStatus() ? response : Response.fromResponse(response).status(status).build();
    }

    /** A multipart body cut short or without its boundary: the client's fault, not worth a stack trace. */
    @ServerExceptionMapper
    public Response io(java.io.IOException e, HttpHeaders headers, UriInfo uri) {
        if (!fromMultipartParser(e)) {
            return unexpected(e, headers, uri);
        }
        return problem(new ProblemException(CommonProblems.MALFORMED_REQUEST, MULTIPART_CUT_ID, MULTIPART_CUT_EN),
                headers, uri);
    }

    static final String MULTIPART_CUT_ID = "Isi multipart terpotong atau tidak sesuai batasnya (boundary).";
    static final String MULTIPART_CUT_EN = "The multipart body is cut short or does not match its boundary.";

    static boolean fromMultipartParser(Throwable e) {
        return java.util.Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(MULTIPART_PARSER));
    }

    private static boolean from(Throwable e, String simpleClassName) {
        return java.util.Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith("." + simpleClassName));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (fromMultipartParser(e)) { // its MalformedMessageException is not an IOException
            return problem(new ProblemException(CommonProblems.MALFORMED_REQUEST, MULTIPART_CUT_ID, MULTIPART_CUT_EN),
                    headers, uri);
        }
        if (e instanceof java.io.IOException && from(e, "VertxInputStream")) {
            // a body without Content-Length grew over the limit: the reader has answered 413 already
            return problem(new ProblemException(CommonProblems.PAYLOAD_TOO_LARGE), headers, uri);
        }
        if (outages.stream().anyMatch(classifier -> classifier.isOutage(e))) {
            // the request was fine; a dependency is away: one line, no stack trace, and the client waits
            LOG.warnf("%s answered 503: a dependency is unavailable (%s)", uri.getPath(), e.getClass().getSimpleName());
            return problem(new ProblemException(CommonProblems.SERVICE_UNAVAILABLE,
                    "Layanan sementara tidak dapat menyimpan atau membaca data. Silakan coba lagi dalam beberapa detik.",
                    "The service cannot store or read data for a moment. Please try again in a few seconds.").retryAfter(OUTAGE_RETRY_AFTER), headers, uri);
        }
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
