package id.go.dukcapil.ikd.registration.service.credentials;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.domain.CounterCode;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Makes counter codes as the suite contract says: a compact JWS signed with the suite key
 * (ES256, {@code typ} = {@code ikd-counter+jwt}; claims {@code iss}, {@code sub} = registration
 * id, {@code jti} = code id, {@code iat}, {@code exp}, {@code sc} = short code, {@code seq} = the
 * code's sequence, 1 for the first code of a registration and +1 for each new one, so a verifier
 * that has not yet heard of a code still knows its place). Signing may read the key file on
 * first use: call it on a worker thread.
 */
@ApplicationScoped
public class CounterCodeSigner {

    public static final String TYPE = "ikd-counter+jwt";
    public static final String SEQUENCE_CLAIM = "seq";
    /** No 0/O/1/I: the operator types what they read off the citizen's screen. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final int SHORT_CODE_LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final RegistrationConfig config;
    private final String issuer;

    public CounterCodeSigner(RegistrationConfig config,
            @ConfigProperty(name = "smallrye.jwt.new-token.issuer", defaultValue = "https://ikd.dukcapil.go.id") String issuer) {
        this.config = config;
        this.issuer = issuer;
    }

    public CounterCode issue(UUID registrationId, int sequence) {
        UUID codeId = UUID.randomUUID();
        String shortCode = shortCode();
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(config.counterCodeValidity());
        String payload = Jwt.issuer(issuer)
                .subject(registrationId.toString())
                .claim("jti", codeId.toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("sc", shortCode)
                .claim(SEQUENCE_CLAIM, sequence)
                .jws()
                .header("typ", TYPE)
                .algorithm(SignatureAlgorithm.ES256)
                .sign();
        return new CounterCode(codeId, shortCode, payload, issuedAt, expiresAt);
    }

    /** Eight symbols of a 32-letter alphabet (40 bits), shown as {@code XXXX-XXXX}. */
    public String shortCode() {
        StringBuilder code = new StringBuilder(SHORT_CODE_LENGTH + 1);
        for (int i = 0; i < SHORT_CODE_LENGTH; i++) {
            if (i == SHORT_CODE_LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
