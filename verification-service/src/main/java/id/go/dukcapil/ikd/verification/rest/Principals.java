package id.go.dukcapil.ikd.verification.rest;

import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import id.go.dukcapil.ikd.verification.service.OperatorPrincipal;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/** The operator behind a verified bearer token. */
final class Principals {

    private Principals() {
    }

    static OperatorPrincipal of(JsonWebToken jwt) {
        String office = jwt.getClaim("office");
        if (office == null || jwt.getSubject() == null) {
            // a token of the suite but not an operator's (e.g. no office claim)
            throw new ProblemException(CommonProblems.FORBIDDEN);
        }
        try {
            return new OperatorPrincipal(UUID.fromString(jwt.getSubject()), jwt.getName(), office,
                    Set.copyOf(jwt.getGroups()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(CommonProblems.FORBIDDEN);
        }
    }
}
