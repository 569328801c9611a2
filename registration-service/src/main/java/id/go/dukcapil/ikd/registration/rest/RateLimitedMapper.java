package id.go.dukcapil.ikd.registration.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import id.go.dukcapil.ikd.registration.service.ratelimit.RateLimitedException;
import id.go.dukcapil.ikd.web.Languages;
import id.go.dukcapil.ikd.web.Problem;

/** 429 problem+json with {@code Retry-After}, which the platform's generic mapper cannot add. */
public class RateLimitedMapper {

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        Problem problem = Problem.of(e.type(), language, e.detail(language), uri.getPath(), null, e.extensions());
        return Response.status(e.type().status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }
}
