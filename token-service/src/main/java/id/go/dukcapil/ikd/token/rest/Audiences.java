package id.go.dukcapil.ikd.token.rest;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import id.go.dukcapil.ikd.token.service.PinProofVerifier;
import id.go.dukcapil.ikd.token.service.TokenProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/**
 * The suite accepts several audiences (operators' tokens say "ikd"); citizen and relying-party
 * tokens must be meant for token-service.
 */
final class Audiences {

    private Audiences() {
    }

    static void requireTokenService(JsonWebToken jwt) {
        Set<String> audience = jwt.getAudience();
        if (audience == null || !audience.contains(PinProofVerifier.AUDIENCE)) {
            throw new ProblemException(TokenProblems.WRONG_AUDIENCE, "Token harus ditujukan untuk token-service.",
                    "The token must be meant for token-service (aud).");
        }
    }
}
