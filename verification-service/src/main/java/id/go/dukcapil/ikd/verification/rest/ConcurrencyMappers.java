package id.go.dukcapil.ikd.verification.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.web.Languages;
import id.go.dukcapil.ikd.web.Problem;

/**
 * Two operators acting on one case at the same moment: the optimistic lock (or the one-decision
 * unique key) stops the second transaction at commit; it gets 409 instead of a 500.
 */
public class ConcurrencyMappers {

    @ServerExceptionMapper({ StaleStateException.class, jakarta.persistence.OptimisticLockException.class,
            ConstraintViolationException.class })
    public Response concurrent(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        String language = Languages.preferred(headers.getAcceptableLanguages());
        Problem problem = Problem.of(VerificationProblems.CASE_CHANGED, language, null, uri.getPath(), null, null);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
