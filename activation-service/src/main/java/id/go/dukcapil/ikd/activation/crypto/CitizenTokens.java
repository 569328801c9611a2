package id.go.dukcapil.ikd.activation.crypto;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import id.go.dukcapil.ikd.web.PinProofKeys;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * The tokens activation-service issues (suite contract): the citizen JWT, signed with the suite
 * key ({@code typ} ikd-citizen+jwt, {@code aud} token-service, group citizen, 10 minutes), and the app-PIN proof for a QR,
 * MACed with the PIN-proof key shared with token-service ({@code typ} ikd-pin-proof+jwt, HS256,
 * 60 s, single use by {@code jti} at token-service; see {@link PinProofKeys}).
 * The issuer comes from {@code smallrye.jwt.new-token.issuer}.
 */
// created at start-up, so that a missing or short PIN-proof key stops the service before it is ready
@Startup
@ApplicationScoped
public class CitizenTokens {

    public static final String AUDIENCE = "token-service";
    public static final String CITIZEN_GROUP = "citizen";

    private final ActivationConfig config;
    private final Clock clock;
    private final PinProofKeys pinProofKeys;

    public CitizenTokens(ActivationConfig config, Clock clock, PinProofKeys.Config pinProofConfig) {
        this.config = config;
        this.clock = clock;
        this.pinProofKeys = PinProofKeys.of(pinProofConfig);
    }

    public record Issued(String token, long expiresIn) {
    }

    public Issued citizenToken(String subject) {
        Instant now = clock.instant();
        long lifetime = config.citizen().tokenLifetime().toSeconds();
        String token = Jwt.subject(subject)
                .audience(AUDIENCE)
                .groups(Set.of(CITIZEN_GROUP))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifetime))
                .jws().algorithm(SignatureAlgorithm.ES256).type(BearerTokenTypes.CITIZEN)
                .sign();
        return new Issued(token, lifetime);
    }

    public Issued pinProof(String subject) {
        Instant now = clock.instant();
        long lifetime = config.citizen().pinProofLifetime().toSeconds();
        String token = Jwt.subject(subject)
                .audience(AUDIENCE)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifetime))
                .jws().algorithm(SignatureAlgorithm.HS256).keyId(pinProofKeys.currentKid()).type(PinProofKeys.TYPE)
                .sign(pinProofKeys.currentKey());
        return new Issued(token, lifetime);
    }
}
