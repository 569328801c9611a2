package id.go.dukcapil.ikd.token.mapping;

import java.time.Instant;

import id.go.dukcapil.ikd.events.TokenVerified;
import id.go.dukcapil.ikd.token.domain.VerificationResult;

/** A verification answer to its audit event. */
public final class TokenVerifiedMapper {

    private TokenVerifiedMapper() {
    }

    public static TokenVerified toEvent(VerificationResult result, String relyingParty, Instant verifiedAt) {
        return new TokenVerified(result.jti(), result.subject(), relyingParty, result.valid(),
                result.valid() ? null : result.reason().name(), verifiedAt);
    }
}
