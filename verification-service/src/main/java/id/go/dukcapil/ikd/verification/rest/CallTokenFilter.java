package id.go.dukcapil.ikd.verification.rest;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.service.CitizenVideoCalls;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Checks the call token before any endpoint marked {@link CallTokenRequired} runs, so that a page
 * without it (a stranger with the call's id, a page whose token a rejoin replaced) gets its 401
 * problem+json as the response's status, and a browser stops asking, instead of a stream that
 * begins with 200 and then breaks.
 */
public class CallTokenFilter {

    private final CitizenVideoCalls calls;

    public CallTokenFilter(CitizenVideoCalls calls) {
        this.calls = calls;
    }

    @ServerRequestFilter
    public Uni<Response> requireCallToken(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(CallTokenRequired.class)) {
            return Uni.createFrom().nullItem();
        }
        UUID id;
        try {
            id = UUID.fromString(request.getUriInfo().getPathParameters().getFirst("id"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().failure(new ProblemException(VideoCallProblems.CALL_NOT_FOUND));
        }
        return calls.asCitizen(id, request.getHeaderString(VideoCallResource.TOKEN_HEADER)).replaceWith((Response) null);
    }
}
