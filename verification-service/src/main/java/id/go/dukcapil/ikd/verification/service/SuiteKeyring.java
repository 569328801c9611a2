package id.go.dukcapil.ikd.verification.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import io.quarkus.runtime.Startup;

/**
 * The suite's public key, loaded once at start, and the two kinds of compact JWS this service
 * verifies itself: counter codes ({@code typ} {@code ikd-counter+jwt}, from registration-service)
 * and the portal's session cookie (an operator token this service issued, {@code typ}
 * {@code ikd-operator+jwt}: a counter code in the cookie opens nothing).
 */
@Startup
@ApplicationScoped
public class SuiteKeyring {

    public static final String COUNTER_CODE_TYPE = "ikd-counter+jwt";

    private final JwtConsumer counterCodes;
    private final JwtConsumer operatorTokens;

    public SuiteKeyring(VerificationConfig config) {
        PublicKey key = readPublicKey(config.publicKeyLocation());
        AlgorithmConstraints es256 = new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        this.counterCodes = new JwtConsumerBuilder().setVerificationKey(key).setJwsAlgorithmConstraints(es256)
                .setExpectedIssuer(config.issuer()).setRequireExpirationTime().setRequireSubject()
                .setRequireJwtId().setAllowedClockSkewInSeconds(5).setSkipDefaultAudienceValidation()
                .setExpectedType(true, COUNTER_CODE_TYPE).build();
        this.operatorTokens = new JwtConsumerBuilder().setVerificationKey(key).setJwsAlgorithmConstraints(es256)
                .setExpectedIssuer(config.issuer()).setExpectedAudience("ikd").setRequireExpirationTime()
                .setRequireSubject().setAllowedClockSkewInSeconds(5)
                .setExpectedType(true, BearerTokenTypes.OPERATOR).build();
    }

    /** Claims of a valid counter code; distinguishes an expired one (well signed, too old). */
    public CounterCodeClaims verifyCounterCode(String compact) throws InvalidCounterCodeException {
        try {
            return counterCodeClaims(counterCodes.processToClaims(compact), false);
        } catch (InvalidJwtException e) {
            // jose4j checks the signature before the claims: a code whose only fault is its age is
            // authentic, and the operator is told it expired rather than that it is invalid.
            boolean onlyExpired = e.hasExpired() && e.getErrorDetails().stream()
                    .allMatch(detail -> detail.getErrorCode() == ErrorCodes.EXPIRED);
            if (!onlyExpired) {
                throw new InvalidCounterCodeException();
            }
            try {
                return counterCodeClaims(e.getJwtContext().getJwtClaims(), true);
            } catch (Exception malformed) {
                throw new InvalidCounterCodeException();
            }
        } catch (Exception e) {
            throw new InvalidCounterCodeException();
        }
    }

    /** Claims of a valid operator token, or null. */
    public JwtClaims verifyOperatorToken(String compact) {
        try {
            return operatorTokens.processToClaims(compact);
        } catch (InvalidJwtException e) {
            return null;
        }
    }

    private static CounterCodeClaims counterCodeClaims(JwtClaims claims, boolean expired) throws Exception {
        Object sequence = claims.getClaimValue("seq");
        return new CounterCodeClaims(claims.getSubject(), claims.getJwtId(), claims.getStringClaimValue("sc"), expired,
                sequence instanceof Number n && n.longValue() > 0 && n.longValue() < Integer.MAX_VALUE ? n.intValue() : 0,
                claims.getIssuedAt() == null ? null : Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
    }

    /** {@code sequence}: the code's {@code seq} claim, 0 for codes signed before it existed. */
    public record CounterCodeClaims(String registrationId, String codeId, String shortCode, boolean expired,
            int sequence, Instant issuedAt, Instant expiresAt) {
    }

    public static class InvalidCounterCodeException extends Exception {
        InvalidCounterCodeException() {
            super("invalid counter code", null, false, false);
        }
    }

    static PublicKey readPublicKey(String location) {
        String pem = read(location);
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the suite public key at " + location + " is not an EC public key", e);
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(URI.create(location)), StandardCharsets.US_ASCII);
            }
            String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            Path path = Path.of(resource);
            if (Files.exists(path)) {
                return Files.readString(path, StandardCharsets.US_ASCII);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
                if (in == null) {
                    throw new IllegalStateException("suite public key not found at " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
