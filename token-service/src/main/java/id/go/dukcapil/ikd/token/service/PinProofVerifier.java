package id.go.dukcapil.ikd.token.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.web.PinProofKeys;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.runtime.Startup;

/**
 * Checks activation-service's proof that the citizen just entered the app PIN, with jose4j: a
 * compact JWS MACed (HS256, nothing else) with the PIN-proof key the two services share
 * ({@link PinProofKeys}), named by {@code kid}, {@code typ} {@code ikd-pin-proof+jwt}, for
 * token-service, not expired, about the same subject as the bearer token. Its single use is
 * recorded by the caller.
 */
// created at start-up, so that a missing or short PIN-proof key stops the service before it is ready
@Startup
@ApplicationScoped
public class PinProofVerifier {

    public static final String AUDIENCE = "token-service";
    private static final AlgorithmConstraints HS256_ONLY = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256);

    /** A checked proof: its id and until when it could be presented. */
    public record PinProof(String jti, Instant expiresAt) {
    }

    private final TokenConfig config;
    private final Clock clock;
    private final PinProofKeys keys;

    public PinProofVerifier(TokenConfig config, Clock clock, PinProofKeys.Config pinProofConfig) {
        this.config = config;
        this.clock = clock;
        this.keys = PinProofKeys.of(pinProofConfig);
    }

    public PinProof verify(String compact, String citizenSubject) {
        long leeway = config.qr().leeway().toSeconds();
        // built per proof: it is cheap, and its evaluation time is the service's clock
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(HS256_ONLY)
                .setVerificationKeyResolver((jws, nesting) -> keys.acceptedKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("unknown PIN-proof kid")))
                .setExpectedType(true, PinProofKeys.TYPE)
                .setExpectedIssuer(config.suiteIssuer())
                .setExpectedAudience(AUDIENCE)
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setExpectedSubject(citizenSubject)
                .setAllowedClockSkewInSeconds((int) leeway)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(compact);
            return new PinProof(claims.getJwtId(), Instant.ofEpochSecond(claims.getExpirationTime().getValue()).plusSeconds(leeway));
        } catch (InvalidJwtException e) {
            throw refusal(e);
        } catch (MalformedClaimException e) {
            throw invalid("Bukti PIN tidak lengkap atau bukan untuk layanan ini.",
                    "The PIN proof is incomplete or not meant for this service.");
        }
    }

    private static ProblemException refusal(InvalidJwtException e) {
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.TYPE_INVALID)
                || e.hasErrorCode(ErrorCodes.TYPE_MISSING) || e.getJwtContext() == null) {
            return invalid("Tanda tangan atau jenis bukti PIN tidak sah.", "The PIN proof's signature or type is invalid.");
        }
        if (e.hasExpired()) {
            return invalid("Bukti PIN sudah kedaluwarsa; masukkan PIN aplikasi lagi.",
                    "The PIN proof has expired; enter the app PIN again.");
        }
        if (e.hasErrorCode(ErrorCodes.SUBJECT_INVALID)) {
            return invalid("Bukti PIN milik pengguna lain.", "The PIN proof belongs to another user.");
        }
        return invalid("Bukti PIN tidak sah atau bukan untuk layanan ini.", "The PIN proof is invalid or not meant for this service.");
    }

    private static ProblemException invalid(String detailId, String detailEn) {
        return new ProblemException(TokenProblems.PIN_PROOF_INVALID, detailId, detailEn);
    }
}
